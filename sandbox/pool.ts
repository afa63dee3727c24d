/**
 * Warm sandboxes: `size` started sandboxes wait for submissions. acquire() hands one to exactly
 * one caller, who destroys it when done: a sandbox is never reused. The pool refills in the
 * background, one start at a time (starting is CPU-heavy on a small host).
 */
import type { Sandbox } from "./runsc";

export interface PoolStats {
  warm: number;
  starting: number;
  handedOut: number;
  coldStarts: number;
}

export class SandboxPool {
  private readonly warm: Sandbox[] = [];
  private readonly waiters: Array<{ resolve: (sandbox: Sandbox) => void; reject: (err: Error) => void }> = [];
  private starting = 0;
  private closed = false;
  private handedOut = 0;
  private coldStarts = 0;
  private failures = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly startSandbox: () => Promise<Sandbox>,
    readonly size: number,
  ) {}

  /** Begins filling; resolves when the first warm sandbox is ready (or at once for size 0). */
  async start(): Promise<void> {
    this.refill();
    if (this.size === 0) return;
    const first = await this.acquireWarm();
    this.warm.unshift(first);
  }

  stats(): PoolStats {
    return { warm: this.warm.length, starting: this.starting, handedOut: this.handedOut, coldStarts: this.coldStarts };
  }

  /** A started sandbox for one submission; warm when one is waiting, else whichever comes first. */
  async acquire(): Promise<Sandbox> {
    if (this.closed) throw new Error("the sandbox pool is closed");
    for (;;) {
      const sandbox = this.warm.shift();
      if (!sandbox) break;
      if (sandbox.isAlive) {
        this.handedOut += 1;
        this.refill();
        return sandbox;
      }
      void sandbox.destroy();
    }
    // Nothing warm: a refill may be under way; waiting for it is never slower than a new start.
    if (this.starting === 0) {
      this.coldStarts += 1;
      this.launch();
    }
    const sandbox = await this.acquireWarm();
    this.handedOut += 1;
    this.refill();
    return sandbox;
  }

  private acquireWarm(): Promise<Sandbox> {
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private refill(): void {
    if (this.closed) return;
    const wanted = this.size + this.waiters.length;
    if (this.starting === 0 && this.warm.length < wanted) this.launch();
  }

  private launch(): void {
    this.starting += 1;
    const task = this.startSandbox()
      .then((sandbox) => {
        this.failures = 0;
        if (this.closed) return sandbox.destroy();
        const waiter = this.waiters.shift();
        if (waiter) waiter.resolve(sandbox);
        else this.warm.push(sandbox);
        return undefined;
      })
      .catch((err: unknown) => {
        this.failures += 1;
        // Starting failed: the caller waiting longest hears why; a broken host must not spin.
        const waiter = this.waiters.shift();
        waiter?.reject(err instanceof Error ? err : new Error(String(err)));
      })
      .finally(() => {
        this.starting -= 1;
        this.inFlight.delete(task);
        if (this.failures < 3) this.refill();
        else if (this.waiters.length > 0 && this.starting === 0) this.launch();
      });
    this.inFlight.add(task);
  }

  /** Stops refilling, fails waiters and destroys every sandbox not handed out. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error("the sandbox pool is closed"));
    const idle = this.warm.splice(0);
    await Promise.all([...idle.map((s) => s.destroy()), ...this.inFlight]);
  }
}
