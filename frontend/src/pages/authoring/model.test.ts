import { describe, expect, it } from "vitest";
import { initialState, slugify, testsFromFiles, toBody, validate } from "./model";

const file = (name: string, text: string) => new File([text], name, { type: "text/plain" });

describe("authoring", () => {
  it("pairs uploaded .in/.ans files by name, marks samples, and reports orphans", async () => {
    const { tests, unpaired } = await testsFromFiles([
      file("02.in", "2"),
      file("sample-1.in", "1"),
      file("sample-1.ans", "one"),
      file("02.ans", "two"),
      file("10.in", "10"),
      file("10.out", "ten"),
      file("03.in", "lonely"),
      file("notes.txt", "ignored"),
    ]);
    expect(tests.map((t) => [t.name, t.input, t.output, t.sample])).toEqual([
      ["sample-1", "1", "one", true],
      ["02", "2", "two", false],
      ["10", "10", "ten", false],
    ]);
    expect(unpaired).toEqual(["03.in"]);
  });

  it("publishes samples first, so a test's index tells whether it is a sample", () => {
    const state = {
      ...initialState(),
      title: "Sum",
      slug: "sum",
      statement: "Add.",
      tests: [
        { id: "a", input: "1 2", output: "3", sample: false },
        { id: "b", input: "2 2", output: "4", sample: true },
      ],
    };
    expect(toBody(state).tests).toEqual([
      { input: "2 2", output: "4", sample: true },
      { input: "1 2", output: "3", sample: false },
    ]);
    expect(toBody({ ...state, checker: "float", tolerance: "1e-4" }).checker).toEqual({ float: 1e-4 });
    expect(toBody({ ...state, checker: "custom", customChecker: { language: "python", source: "exit(42)" } }).checker).toEqual({ custom: { language: "python", source: "exit(42)" } });
  });

  it("checks what the server would refuse before sending", () => {
    const errors = validate({ ...initialState(), slug: "-Bad", timeMs: "50", tests: [{ id: "a", input: "", output: "", sample: false }] });
    expect(Object.keys(errors).sort()).toEqual(["limits.timeMs", "slug", "statement", "tests", "title"]);
    const fn = validate({ ...initialState(), kind: "function", title: "t", slug: "fun", statement: "s", tests: [{ id: "a", input: "1, 2", output: "3", sample: true }] });
    expect(fn["tests.0.input"]).toMatch(/JSON/);
    expect(slugify("Two Sum: Ünïcode!")).toBe("two-sum-unicode");
  });
});
