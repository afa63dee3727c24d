import { check, parseChecker } from "./checkers";

test("exact forgives CRLF, trailing blanks and trailing empty lines only", () => {
  expect(check({ kind: "exact" }, "1 2\n3\n", "1 2  \r\n3\n\n\n").ok).toBe(true);
  expect(check({ kind: "exact" }, "1 2\n3\n", "1  2\n3\n")).toEqual({ ok: false, message: "line 1 differs" });
  expect(check({ kind: "exact" }, "1\n2\n", "1\n")).toEqual({ ok: false, message: "output ends after line 1" });
  expect(check({ kind: "exact" }, "1\n", "1\n2\n")).toEqual({ ok: false, message: "extra output from line 2" });
});

test("tokens ignores all whitespace, optionally case", () => {
  expect(check({ kind: "tokens" }, "1 2\n3", "  1\n\n2 3 ").ok).toBe(true);
  expect(check({ kind: "tokens" }, "YES", "yes").ok).toBe(false);
  expect(check({ kind: "tokens", caseSensitive: false }, "YES", "yes").ok).toBe(true);
  expect(check({ kind: "tokens" }, "1 2", "1 2 3")).toEqual({ ok: false, message: "1 extra tokens" });
  expect(check({ kind: "tokens" }, "1 2", "1")).toEqual({ ok: false, message: "output ends after 1 tokens, 2 expected" });
});

test("float compares numbers within an absolute or relative tolerance", () => {
  const spec = { kind: "float" as const, abs: 1e-6, rel: 1e-6 };
  expect(check(spec, "0.333333333", "0.3333334").ok).toBe(true);
  expect(check(spec, "1000000", "1000000.5").ok).toBe(true);
  expect(check(spec, "1.0", "1.01").ok).toBe(false);
  expect(check(spec, "1e3 done", "1000.0000001 done").ok).toBe(true);
  expect(check(spec, "nan", "nan").ok).toBe(true);
  expect(check(spec, "1.0", "abc").ok).toBe(false);
});

test("checker specs are validated", () => {
  expect(parseChecker(undefined)).toEqual({ kind: "tokens" });
  expect(parseChecker({ kind: "float", abs: 1e-4 })).toEqual({ kind: "float", abs: 1e-4 });
  expect(() => parseChecker({ kind: "float", abs: -1 })).toThrow("abs");
  expect(() => parseChecker({ kind: "regex" })).toThrow("kind");
});
