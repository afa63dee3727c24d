/**
 * A JSON value as a Moleculer stream, and back. Moleculer sends a stream in chunks, so values
 * larger than one transporter message (NATS' default max payload is 1 MB) can cross the cluster:
 * problem tests to sandbox workers, packages from `npm run problems:import`.
 */
import { Readable } from "node:stream";

export function toJsonStream(value: unknown): Readable {
  return Readable.from([Buffer.from(JSON.stringify(value), "utf8")]);
}

export async function fromJsonStream<T>(stream: AsyncIterable<Buffer | string>): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as T;
}
