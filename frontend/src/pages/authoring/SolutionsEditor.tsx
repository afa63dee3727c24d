import { LANGUAGE_IDS, type LanguageId, type Verdict } from "../../api/types";
import { SelectField } from "../../components/Field";
import { VERDICT_LABELS } from "../../components/Verdict";
import { CodeEditor } from "../../editor/CodeEditor";
import { LANGUAGE_LABELS } from "../../editor/languages";
import type { SolutionDraft } from "./model";

const EXPECTABLE: Verdict[] = ["AC", "WA", "TLE", "MLE", "RE"];

export function SolutionsEditor({ solutions, onChange, onAdd }: { solutions: SolutionDraft[]; onChange: (s: SolutionDraft[]) => void; onAdd: () => void }) {
  const change = (id: string, changes: Partial<SolutionDraft>) => onChange(solutions.map((s) => (s.id === id ? { ...s, ...changes } : s)));
  return (
    <div className="stack">
      {solutions.length === 0 && <p className="muted">Add at least one accepted solution; wrong and too-slow ones prove your tests catch them.</p>}
      {solutions.map((solution, i) => (
        <div key={solution.id} className="solution-card" data-testid="solution-card">
          <div className="solution-head">
            <strong>Solution {i + 1}</strong>
            <SelectField label="Language" value={solution.language} onChange={(e) => change(solution.id, { language: e.target.value as LanguageId })} className="field-compact">
              {LANGUAGE_IDS.map((id) => (
                <option key={id} value={id}>
                  {LANGUAGE_LABELS[id]}
                </option>
              ))}
            </SelectField>
            <SelectField label="Expected verdict" value={solution.expected} onChange={(e) => change(solution.id, { expected: e.target.value as Verdict })} className="field-compact">
              {EXPECTABLE.map((v) => (
                <option key={v} value={v}>
                  {v} — {VERDICT_LABELS[v]}
                </option>
              ))}
            </SelectField>
            <button type="button" className="btn btn-ghost btn-xs" onClick={() => onChange(solutions.filter((s) => s.id !== solution.id))} aria-label={`Remove solution ${i + 1}`}>
              Remove
            </button>
          </div>
          <div className="editor-frame">
            <CodeEditor value={solution.source} language={solution.language} onChange={(source) => change(solution.id, { source })} label={`Solution ${i + 1} source`} />
          </div>
        </div>
      ))}
      <button type="button" className="btn btn-ghost" onClick={onAdd}>
        + Add a reference solution
      </button>
    </div>
  );
}
