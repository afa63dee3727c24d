/**
 * What a sandbox worker needs of a problem to judge it (secret tests included), how it travels
 * and how a worker keeps it.
 *
 * Tests can be megabytes, more than one transporter message may carry, so the practice service
 * answers `practice.problemData` with a JSON stream (lib/json-stream.ts). A worker keeps what it fetched, keyed by the problem's version, in a cache
 * bounded in bytes: a problem's tests cross the network once per version, not once per submission.
 */
import type { CheckerSpec } from "./checkers";
import type { FunctionSignature } from "./function/signature";
import type { Limits } from "./languages";

export interface ProblemData {
  /** The version this data is (the practice service answers with the current one). */
  version: string;
  kind: "stdio" | "function";
  signature?: FunctionSignature;
  tests: Array<{ input: string; output: string }>;
  limits: Partial<Limits>;
  checker: CheckerSpec;
}

/** Which problem, in which version: a version never changes its data. */
export interface ProblemRef {
  key: string;
  version: string;
}

function sizeOf(data: ProblemData): number {
  return data.tests.reduce((n, t) => n + t.input.length + t.output.length, 0) + 1024;
}

/** Least recently used first out, bounded by the tests' size; concurrent misses share one fetch. */
export class ProblemDataCache {
  private readonly entries = new Map<string, { data: ProblemData; bytes: number }>();
  private readonly fetching = new Map<string, Promise<ProblemData>>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  async get(ref: ProblemRef, fetch: () => Promise<ProblemData>): Promise<ProblemData> {
    const id = `${ref.key}@${ref.version}`;
    const hit = this.entries.get(id);
    if (hit) {
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit.data;
    }
    const pending = this.fetching.get(id);
    if (pending) return pending;
    const promise = fetch()
      .then((data) => {
        this.put(`${ref.key}@${data.version}`, data);
        return data;
      })
      .finally(() => this.fetching.delete(id));
    this.fetching.set(id, promise);
    return promise;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private put(id: string, data: ProblemData): void {
    const bytes = sizeOf(data);
    if (bytes > this.maxBytes || this.entries.has(id)) return;
    this.entries.set(id, { data, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}
