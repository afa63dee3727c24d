import { useId, useState } from "react";
import { newId, testsFromFiles, type TestDraft } from "./model";

const LARGE = 20_000;

export function TestsEditor({
  tests,
  kind,
  onChange,
  errors,
  listError,
}: {
  tests: TestDraft[];
  kind: "stdio" | "function";
  onChange: (tests: TestDraft[]) => void;
  errors: Record<string, { input?: string; output?: string }>;
  listError?: string;
}) {
  const fileInput = useId();
  const [notice, setNotice] = useState<string>();
  const change = (id: string, changes: Partial<TestDraft>) => onChange(tests.map((t) => (t.id === id ? { ...t, ...changes } : t)));

  async function onFiles(files: FileList | null) {
    if (!files?.length) return;
    const { tests: uploaded, unpaired } = await testsFromFiles([...files]);
    // Replace the one empty test a new form starts with.
    const kept = tests.filter((t) => t.input || t.output);
    onChange([...kept, ...uploaded]);
    setNotice(
      `Added ${uploaded.length} test${uploaded.length === 1 ? "" : "s"} (${uploaded.filter((t) => t.sample).length} sample).` +
        (unpaired.length ? ` Skipped files without a partner: ${unpaired.join(", ")}.` : ""),
    );
  }

  return (
    <div className="stack">
      <div className="upload-box">
        <div>
          <label htmlFor={fileInput} className="field-label">
            Upload test files
          </label>
          <p className="field-hint">
            Pick <code>.in</code> files with their <code>.ans</code> (or <code>.out</code>) partners, several at once. Files named like <code>sample-1.in</code> become samples.
          </p>
        </div>
        <input id={fileInput} type="file" multiple accept=".in,.ans,.out" onChange={(e) => void onFiles(e.target.files)} data-testid="test-files" />
      </div>
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
      {kind === "function" && (
        <p className="hint-box">
          Function tests are JSON: the input is the arguments array (e.g. <code>[[2,7,11,15], 9]</code>), the output the expected return value (e.g. <code>[0,1]</code>).
        </p>
      )}
      {listError && <p className="field-error">{listError}</p>}
      <ol className="test-list">
        {tests.map((test, i) => (
          <li key={test.id} className="test-card" data-testid="test-card">
            <div className="test-card-head">
              <strong>
                Test {i + 1}
                {test.name ? <span className="muted small"> · {test.name}</span> : null}
              </strong>
              <label className="checkbox">
                <input type="checkbox" checked={test.sample} onChange={(e) => change(test.id, { sample: e.target.checked })} />
                Sample (shown to learners)
              </label>
              <button type="button" className="btn btn-ghost btn-xs" onClick={() => onChange(tests.filter((t) => t.id !== test.id))} aria-label={`Remove test ${i + 1}`}>
                Remove
              </button>
            </div>
            <div className="io-grid">
              <TestText label={`Test ${i + 1} input`} value={test.input} error={errors[test.id]?.input} onChange={(input) => change(test.id, { input })} />
              <TestText label={`Test ${i + 1} expected output`} value={test.output} error={errors[test.id]?.output} onChange={(output) => change(test.id, { output })} />
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn-ghost" onClick={() => onChange([...tests, { id: newId("test"), input: "", output: "", sample: false }])}>
        + Add a test
      </button>
    </div>
  );
}

function TestText({ label, value, error, onChange }: { label: string; value: string; error?: string; onChange: (value: string) => void }) {
  const id = useId();
  const [editLarge, setEditLarge] = useState(false);
  const large = value.length > LARGE && !editLarge;
  return (
    <div className={`field${error ? " field-invalid" : ""}`}>
      <label htmlFor={id} className="field-label small">
        {label}
      </label>
      {large ? (
        <div className="large-test">
          <pre className="pre">{value.slice(0, 400)}…</pre>
          <button type="button" id={id} className="btn btn-ghost btn-xs" onClick={() => setEditLarge(true)}>
            {(value.length / 1024).toFixed(1)} KB — edit anyway
          </button>
        </div>
      ) : (
        <textarea
          id={id}
          className="input textarea mono"
          rows={4}
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
