/**
 * The wire format between the driver and the supervisor (native/supervisor.c), the init of every
 * sandbox. Driver -> box: u32le length + payload; a command payload is NUL-separated fields
 * (op, key=value..., "--", argv...). Box -> driver: 1 type byte + u32le length + data.
 */

export type FrameType = "R" | "S" | "O" | "E" | "M";

export interface Frame {
  type: FrameType;
  data: Buffer;
}

/** Largest frame the driver accepts: the box forwards at most 64 KiB of a stream per frame. */
const MAX_FRAME = 1 << 20;

export function encodeMessage(payload: Buffer | string): Buffer {
  const body = typeof payload === "string" ? Buffer.from(payload) : payload;
  const head = Buffer.alloc(4);
  head.writeUInt32LE(body.length);
  return Buffer.concat([head, body]);
}

export interface Command {
  op: "run" | "put" | "seal" | "kill" | "exit";
  fields?: Record<string, string | number>;
  env?: Record<string, string>;
  argv?: string[];
}

export function encodeCommand(command: Command): Buffer {
  const parts: string[] = [command.op];
  for (const [key, value] of Object.entries(command.fields ?? {})) parts.push(`${key}=${value}`);
  for (const [key, value] of Object.entries(command.env ?? {})) parts.push(`env=${key}=${value}`);
  if (command.argv && command.argv.length > 0) parts.push("--", ...command.argv);
  for (const part of parts) {
    if (part.includes("\0")) throw new Error("a command field contains a NUL byte");
  }
  return encodeMessage(parts.join("\0"));
}

/** Reassembles frames from the box's stdout; anything malformed is fatal for that sandbox. */
export class FrameReader {
  private buffered: Buffer[] = [];
  private length = 0;

  push(chunk: Buffer): Frame[] {
    this.buffered.push(chunk);
    this.length += chunk.length;
    const frames: Frame[] = [];
    let all = this.buffered.length === 1 ? chunk : Buffer.concat(this.buffered, this.length);
    while (all.length >= 5) {
      const type = String.fromCharCode(all[0] ?? 0);
      const size = all.readUInt32LE(1);
      if (!isFrameType(type) || size > MAX_FRAME) throw new Error(`protocol error: frame '${type}' of ${size} bytes`);
      if (all.length < 5 + size) break;
      frames.push({ type, data: Buffer.from(all.subarray(5, 5 + size)) });
      all = all.subarray(5 + size);
    }
    this.buffered = all.length > 0 ? [all] : [];
    this.length = all.length;
    return frames;
  }
}

function isFrameType(type: string): type is FrameType {
  return type === "R" || type === "S" || type === "O" || type === "E" || type === "M";
}

/** The 'M' frame: "key=value" lines. */
export function parseMeta(data: Buffer): Map<string, string> {
  const meta = new Map<string, string>();
  for (const line of data.toString("utf8").split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) meta.set(line.slice(0, eq), line.slice(eq + 1));
  }
  return meta;
}
