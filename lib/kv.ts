/**
 * Small key-value store for counters with expiry (rate limits, login throttling), one-time
 * values (OAuth state) and the token-revocation fast path: Redis (ioredis) in the cluster shape
 * so every node sees the same counts, in-process in the embedded one.
 */
import Redis from "ioredis";

export interface Kv {
  /** Increments `key` (created with `ttlS`) and returns the new count and seconds left. */
  incr(key: string, ttlS: number): Promise<{ count: number; ttlS: number }>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlS: number): Promise<void>;
  /** Reads and deletes atomically. */
  take(key: string): Promise<string | null>;
  del(key: string): Promise<void>;
  close(): Promise<void>;
}

export class MemoryKv implements Kv {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep() {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }

  async incr(key: string, ttlS: number) {
    const entry = this.live(key);
    if (!entry) {
      this.entries.set(key, { value: "1", expiresAt: Date.now() + ttlS * 1000 });
      return { count: 1, ttlS };
    }
    entry.value = String(Number(entry.value) + 1);
    return { count: Number(entry.value), ttlS: Math.ceil((entry.expiresAt - Date.now()) / 1000) };
  }

  async get(key: string) {
    return this.live(key)?.value ?? null;
  }

  async set(key: string, value: string, ttlS: number) {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlS * 1000 });
  }

  async take(key: string) {
    const value = this.live(key)?.value ?? null;
    this.entries.delete(key);
    return value;
  }

  async del(key: string) {
    this.entries.delete(key);
  }

  async close() {
    clearInterval(this.sweeper);
  }
}

export class RedisKv implements Kv {
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix: string) {
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
    this.redis.on("error", () => {
      /* reconnects by itself; commands fail meanwhile and callers see the error */
    });
  }

  async incr(key: string, ttlS: number) {
    const k = this.prefix + key;
    const result = await this.redis.multi().incr(k).expire(k, ttlS, "NX").ttl(k).exec();
    const count = Number(result?.[0]?.[1] ?? 0);
    const left = Number(result?.[2]?.[1] ?? ttlS);
    return { count, ttlS: left > 0 ? left : ttlS };
  }

  async get(key: string) {
    return this.redis.get(this.prefix + key);
  }

  async set(key: string, value: string, ttlS: number) {
    await this.redis.set(this.prefix + key, value, "EX", ttlS);
  }

  async take(key: string) {
    return this.redis.getdel(this.prefix + key);
  }

  async del(key: string) {
    await this.redis.del(this.prefix + key);
  }

  async close() {
    this.redis.disconnect();
  }
}

const shared = new Map<string, { kv: Kv; users: number }>();

/** One store per process and URL, shared by the services of the process. */
export function acquireKv(redisUrl: string | undefined, namespace: string): Kv {
  const key = redisUrl ?? "memory";
  const entry = shared.get(key);
  if (entry) {
    entry.users += 1;
    return entry.kv;
  }
  const kv = redisUrl ? new RedisKv(redisUrl, `${namespace}:`) : new MemoryKv();
  shared.set(key, { kv, users: 1 });
  return kv;
}

export async function releaseKv(redisUrl: string | undefined): Promise<void> {
  const key = redisUrl ?? "memory";
  const entry = shared.get(key);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users <= 0) {
    shared.delete(key);
    await entry.kv.close();
  }
}
