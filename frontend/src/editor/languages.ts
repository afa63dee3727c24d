/** Syntax modes for the judged languages, each its own lazily loaded chunk. */
import type { Extension } from "@codemirror/state";
import type { LanguageId } from "../api/types";

export const LANGUAGE_LABELS: Record<LanguageId, string> = {
  python: "Python 3",
  cpp: "C++",
  c: "C",
  java: "Java",
  go: "Go",
  javascript: "JavaScript",
  typescript: "TypeScript",
};

/** Spaces per indent level, or "tab" (gofmt style). */
export const INDENT: Record<LanguageId, number | "tab"> = { python: 4, cpp: 4, c: 4, java: 4, go: "tab", javascript: 2, typescript: 2 };

export async function languageSupport(id: LanguageId): Promise<Extension> {
  switch (id) {
    case "python":
      return (await import("@codemirror/lang-python")).python();
    case "cpp":
    case "c":
      return (await import("@codemirror/lang-cpp")).cpp();
    case "java":
      return (await import("@codemirror/lang-java")).java();
    case "go":
      return (await import("@codemirror/lang-go")).go();
    case "javascript":
      return (await import("@codemirror/lang-javascript")).javascript();
    case "typescript":
      return (await import("@codemirror/lang-javascript")).javascript({ typescript: true });
  }
}
