/**
 * The code editor as the pages use it. CodeMirror and its language modes are a separate chunk,
 * fetched on first use (or earlier through preloadEditor()); until then a read-only textarea
 * shows the code, so the page never jumps.
 */
import { lazy, Suspense } from "react";
import type { LanguageId } from "../api/types";

export interface CodeEditorProps {
  value: string;
  language: LanguageId;
  onChange: (value: string) => void;
  onRun?: () => void;
  onSubmit?: () => void;
  /** Called when the editor can be typed in, with its language mode loaded. */
  onReady?: () => void;
  label: string;
  describedBy?: string;
  readOnly?: boolean;
}

const loadEditor = () => import("./CodeMirrorEditor");
const CodeMirrorEditor = lazy(loadEditor);

/** Starts fetching the editor chunk (a page calls this as soon as it knows it will need it). */
export function preloadEditor(): void {
  void loadEditor();
}

export function CodeEditor(props: CodeEditorProps) {
  return (
    <Suspense
      fallback={
        <textarea className="code-editor code-editor-fallback" value={props.value} readOnly aria-label={`${props.label} (loading the editor)`} aria-busy="true" />
      }
    >
      <CodeMirrorEditor {...props} />
    </Suspense>
  );
}
