/** `GET /api/config`, fetched once per page: where the realtime gateway is, what is switched on. */
import { api } from "./endpoints";
import type { ClientConfig } from "./types";

let cached: Promise<ClientConfig> | undefined;

export function loadConfig(): Promise<ClientConfig> {
  cached ??= api.config().catch((err: unknown) => {
    cached = undefined; // try again next time
    throw err;
  });
  return cached;
}
