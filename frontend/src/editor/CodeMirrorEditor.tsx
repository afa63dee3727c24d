/**
 * CodeMirror 6, loaded as its own chunk (see CodeEditor.tsx). Colours come from CSS variables, so
 * the light and dark themes need no reconfiguration. Ctrl/Cmd+Enter submits, Ctrl/Cmd+' runs;
 * Tab indents, and Escape then Tab leaves the editor (CodeMirror's focus escape).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, foldGutter, foldKeymap, HighlightStyle, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { Compartment, EditorState, Prec } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  placeholder as placeholderExtension,
} from "@codemirror/view";
import { tags as t } from "@lezer/highlight";
import { useEffect, useRef } from "react";
import type { LanguageId } from "../api/types";
import type { CodeEditorProps } from "./CodeEditor";
import { INDENT, languageSupport } from "./languages";

const theme = EditorView.theme({
  "&": { color: "var(--code-fg)", backgroundColor: "var(--code-bg)", height: "100%", fontSize: "var(--code-size)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--font-mono)", lineHeight: "1.6" },
  ".cm-content": { caretColor: "var(--accent)", padding: "10px 0" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--code-gutter)", border: "none", paddingLeft: "6px" },
  ".cm-activeLine": { backgroundColor: "var(--code-active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--code-active-line)", color: "var(--text)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  "&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": {
    backgroundColor: "var(--code-selection) !important",
  },
  ".cm-matchingBracket": { backgroundColor: "var(--code-match)", outline: "1px solid var(--border-strong)" },
  ".cm-selectionMatch": { backgroundColor: "var(--code-match)" },
  ".cm-tooltip": { backgroundColor: "var(--surface-raised)", color: "var(--text)", border: "1px solid var(--border)", borderRadius: "6px" },
  ".cm-tooltip-autocomplete ul li[aria-selected]": { backgroundColor: "var(--accent)", color: "var(--on-accent)" },
  ".cm-panels": { backgroundColor: "var(--surface-raised)", color: "var(--text)" },
  ".cm-placeholder": { color: "var(--text-subtle)" },
  ".cm-foldPlaceholder": { backgroundColor: "var(--surface-sunken)", border: "1px solid var(--border)", color: "var(--text-muted)" },
});

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword, t.operatorKeyword, t.definitionKeyword, t.modifier], color: "var(--syn-keyword)" },
  { tag: [t.string, t.special(t.string), t.character, t.regexp], color: "var(--syn-string)" },
  { tag: [t.number, t.bool, t.null, t.atom], color: "var(--syn-number)" },
  { tag: [t.comment, t.lineComment, t.blockComment, t.docComment], color: "var(--syn-comment)", fontStyle: "italic" },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.definition(t.function(t.variableName))], color: "var(--syn-function)" },
  { tag: [t.typeName, t.className, t.namespace, t.standard(t.typeName)], color: "var(--syn-type)" },
  { tag: [t.definition(t.variableName), t.propertyName], color: "var(--syn-property)" },
  { tag: [t.operator, t.punctuation, t.bracket], color: "var(--syn-punctuation)" },
  { tag: [t.meta, t.processingInstruction, t.annotation], color: "var(--syn-meta)" },
  { tag: t.invalid, color: "var(--verdict-wa)" },
]);

function indentFor(language: LanguageId) {
  const unit = INDENT[language];
  return [indentUnit.of(unit === "tab" ? "\t" : " ".repeat(unit)), EditorState.tabSize.of(unit === "tab" ? 4 : unit)];
}

export default function CodeMirrorEditor({ value, language, onChange, onRun, onSubmit, onReady, label, readOnly = false, describedBy }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | undefined>(undefined);
  const languageSlot = useRef(new Compartment());
  const indentSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());
  const callbacks = useRef({ onChange, onRun, onSubmit, onReady });
  callbacks.current = { onChange, onRun, onSubmit, onReady };

  useEffect(() => {
    if (!host.current) return;
    const shortcuts = Prec.highest(
      keymap.of([
        { key: "Mod-Enter", run: () => (callbacks.current.onSubmit?.(), true) },
        { key: "Mod-'", run: () => (callbacks.current.onRun?.(), true) },
      ]),
    );
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          shortcuts,
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightSpecialChars(),
          history(),
          foldGutter(),
          drawSelection(),
          EditorState.allowMultipleSelections.of(true),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          autocompletion({ activateOnTyping: true }),
          highlightActiveLine(),
          highlightSelectionMatches(),
          keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...foldKeymap, ...completionKeymap, indentWithTab]),
          syntaxHighlighting(highlight),
          theme,
          placeholderExtension("Write your solution here"),
          EditorView.contentAttributes.of({ "aria-label": label, ...(describedBy ? { "aria-describedby": describedBy } : {}) }),
          languageSlot.current.of([]),
          indentSlot.current.of(indentFor(language)),
          readOnlySlot.current.of(EditorState.readOnly.of(readOnly)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = undefined;
    };
    // The view is created once; value, language and readOnly changes are applied below.
  }, []);

  // The language mode loads lazily; the editor is "ready" once the first one is in.
  useEffect(() => {
    let cancelled = false;
    languageSupport(language).then(
      (support) => {
        if (cancelled || !view.current) return;
        view.current.dispatch({ effects: [languageSlot.current.reconfigure(support), indentSlot.current.reconfigure(indentFor(language))] });
        callbacks.current.onReady?.();
      },
      () => {
        if (!cancelled) callbacks.current.onReady?.(); // plain text is still an editor
      },
    );
    return () => {
      cancelled = true;
    };
  }, [language]);

  useEffect(() => {
    view.current?.dispatch({ effects: readOnlySlot.current.reconfigure(EditorState.readOnly.of(readOnly)) });
  }, [readOnly]);

  // A new value from outside (another draft, a reset, "load this submission").
  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  return <div ref={host} className="code-editor" data-testid="code-editor" data-language={language} />;
}
