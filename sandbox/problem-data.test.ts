import { fromJsonStream, toJsonStream } from "../lib/json-stream";
import { ProblemDataCache, type ProblemData } from "./problem-data";

const data = (version: string, bytes: number): ProblemData => ({
  version,
  kind: "stdio",
  tests: [{ input: "x".repeat(bytes), output: "" }],
  limits: {},
  checker: { kind: "tokens" },
});

test("problem data survives the stream encoding, multi-byte text included", async () => {
  const original = { ...data("v1", 10), tests: [{ input: "é ☃ 𝄞\n".repeat(1000), output: "ok" }] };
  expect(await fromJsonStream(toJsonStream(original))).toEqual(original);
});

test("the cache fetches once per version, shares a fetch in flight and evicts the least recently used", async () => {
  const cache = new ProblemDataCache(6000);
  let fetches = 0;
  const fetcher = (version: string, bytes: number) => async () => {
    fetches += 1;
    await new Promise((r) => setTimeout(r, 5));
    return data(version, bytes);
  };
  const [a, b] = await Promise.all([cache.get({ key: "p", version: "v1" }, fetcher("v1", 1000)), cache.get({ key: "p", version: "v1" }, fetcher("v1", 1000))]);
  expect(a).toBe(b);
  expect(fetches).toBe(1);
  await cache.get({ key: "p", version: "v1" }, fetcher("v1", 1000));
  expect(fetches).toBe(1);
  await cache.get({ key: "p", version: "v2" }, fetcher("v2", 1000)); // a new version is fetched
  expect(fetches).toBe(2);
  await cache.get({ key: "q", version: "v1" }, fetcher("v1", 2500)); // over 6000 bytes: the oldest (p@v1) goes
  expect(cache.size.entries).toBe(2);
  await cache.get({ key: "p", version: "v1" }, fetcher("v1", 1000));
  expect(fetches).toBe(4);
  await cache.get({ key: "huge", version: "v1" }, fetcher("v1", 10_000)); // larger than the cache: used, not kept
  expect(cache.size.bytes).toBeLessThanOrEqual(6000);
});
