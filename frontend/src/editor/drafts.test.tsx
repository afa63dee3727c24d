import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { draftKey, loadDraft, useDraft } from "./drafts";

describe("drafts", () => {
  it("keeps the learner's code per problem and language across unmounts (a reload, a sign-out)", () => {
    const first = renderHook(({ lang }) => useDraft("two-sum", lang, "# starter"), { initialProps: { lang: "python" as const } });
    expect(first.result.current[0]).toBe("# starter");
    act(() => first.result.current[1]("print(42)"));
    first.unmount(); // flushes the debounced save

    expect(window.localStorage.getItem(draftKey("two-sum", "python"))).toBe("print(42)");
    const again = renderHook(() => useDraft("two-sum", "python", "# starter"));
    expect(again.result.current[0]).toBe("print(42)");
    // Another problem, or another language, has its own draft.
    expect(renderHook(() => useDraft("other", "python", "# starter")).result.current[0]).toBe("# starter");
    expect(renderHook(() => useDraft("two-sum", "cpp", "// starter")).result.current[0]).toBe("// starter");
  });

  it("switching language saves the old draft and opens the new one's", () => {
    const hook = renderHook(({ lang }: { lang: "python" | "go" }) => useDraft("p", lang, lang === "go" ? "package main" : "# py"), { initialProps: { lang: "python" } });
    act(() => hook.result.current[1]("x = 1"));
    hook.rerender({ lang: "go" });
    expect(hook.result.current[0]).toBe("package main");
    expect(loadDraft("p", "python")).toBe("x = 1");
    hook.rerender({ lang: "python" });
    expect(hook.result.current[0]).toBe("x = 1");
  });

  it("saves after a short pause, not on every key, and reset goes back to the starter", () => {
    vi.useFakeTimers();
    try {
      const hook = renderHook(() => useDraft("p", "python", "# starter"));
      act(() => hook.result.current[1]("a"));
      act(() => hook.result.current[1]("ab"));
      expect(loadDraft("p", "python")).toBeUndefined();
      act(() => vi.advanceTimersByTime(300));
      expect(loadDraft("p", "python")).toBe("ab");
      act(() => hook.result.current[2]());
      expect(hook.result.current[0]).toBe("# starter");
      expect(loadDraft("p", "python")).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
