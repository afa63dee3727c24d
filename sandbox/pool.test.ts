/** The warm pool's contract, on stand-in sandboxes (no runsc needed). */
import { SandboxPool } from "./pool";
import type { Sandbox } from "./runsc";

interface FakeSandbox {
  id: number;
  isAlive: boolean;
  destroyed: boolean;
  destroy(): Promise<void>;
}

function factory(failFirst = 0) {
  const made: FakeSandbox[] = [];
  let calls = 0;
  const start = async (): Promise<Sandbox> => {
    calls += 1;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (calls <= failFirst) throw new Error(`start ${calls} failed`);
    const sandbox: FakeSandbox = {
      id: made.length,
      isAlive: true,
      destroyed: false,
      async destroy() {
        this.destroyed = true;
        this.isAlive = false;
      },
    };
    made.push(sandbox);
    return sandbox as unknown as Sandbox;
  };
  return { made, start };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 60));

test("fills up to its size and refills after each acquire", async () => {
  const { made, start } = factory();
  const pool = new SandboxPool(start, 2);
  await pool.start();
  await settle();
  expect(pool.stats()).toEqual(expect.objectContaining({ warm: 2, starting: 0 }));
  await pool.acquire();
  await settle();
  expect(pool.stats()).toEqual(expect.objectContaining({ warm: 2, handedOut: 1 }));
  expect(made).toHaveLength(3);
  await pool.close();
});

test("hands every sandbox to exactly one caller, never twice", async () => {
  const { start } = factory();
  const pool = new SandboxPool(start, 2);
  await pool.start();
  const got = await Promise.all(Array.from({ length: 7 }, () => pool.acquire()));
  expect(new Set(got).size).toBe(7);
  await pool.close();
});

test("skips a warm sandbox that died while waiting", async () => {
  const { made, start } = factory();
  const pool = new SandboxPool(start, 1);
  await pool.start();
  const first = made[0];
  if (!first) throw new Error("nothing started");
  first.isAlive = false;
  const sandbox = (await pool.acquire()) as unknown as FakeSandbox;
  expect(sandbox).not.toBe(first);
  expect(first.destroyed).toBe(true);
  await pool.close();
});

test("a failed start rejects the waiting caller instead of hanging", async () => {
  const { start } = factory(1);
  const pool = new SandboxPool(start, 0);
  await expect(pool.acquire()).rejects.toThrow("start 1 failed");
  await expect(pool.acquire()).resolves.toBeDefined();
  await pool.close();
});

test("close destroys the warm sandboxes and refuses new acquires", async () => {
  const { made, start } = factory();
  const pool = new SandboxPool(start, 2);
  await pool.start();
  await settle();
  await pool.close();
  expect(made.every((s) => s.destroyed)).toBe(true);
  await expect(pool.acquire()).rejects.toThrow("closed");
});
