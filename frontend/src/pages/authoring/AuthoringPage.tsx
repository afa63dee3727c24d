/**
 * Instructor problem authoring: statement (markdown with preview), metadata, limits, checker,
 * kind (stdio or function with its signature), tests (typed or uploaded as .in/.ans pairs), a dry
 * run against reference solutions, and publish.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { useNavigate } from "react-router";
import { ApiError } from "../../api/client";
import { api } from "../../api/endpoints";
import { DIFFICULTIES, LANGUAGE_IDS, type DryRunResult, type LanguageId } from "../../api/types";
import { FormError, SelectField, TextAreaField, TextField } from "../../components/Field";
import { Markdown } from "../../components/Markdown";
import { errorMessage } from "../../components/Status";
import { Tabs } from "../../components/Tabs";
import { usePageTitle } from "../../components/usePageTitle";
import { CodeEditor } from "../../editor/CodeEditor";
import { LANGUAGE_LABELS } from "../../editor/languages";
import { DryRunResults } from "./DryRunResults";
import { initialState, newId, orderedTests, slugify, toBody, toSolutions, validate, type AuthoringState, type CheckerKind } from "./model";
import { SignatureEditor } from "./SignatureEditor";
import { SolutionsEditor } from "./SolutionsEditor";
import { TestsEditor } from "./TestsEditor";

const CHECKERS: Array<{ value: CheckerKind; label: string; hint: string }> = [
  { value: "tokens", label: "Tokens", hint: "Whitespace-separated tokens must match (the usual choice)." },
  { value: "exact", label: "Exact", hint: "The output must match byte for byte." },
  { value: "float", label: "Float tolerance", hint: "Numbers may differ by an absolute or relative error." },
  { value: "custom", label: "Custom checker", hint: "Your program decides." },
];

export default function AuthoringPage() {
  usePageTitle("New problem");
  const [state, setState] = useState<AuthoringState>(initialState);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [statementTab, setStatementTab] = useState<"write" | "preview">("write");
  const [dryRun, setDryRun] = useState<DryRunResult>();
  const [slugTaken, setSlugTaken] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const top = useRef<HTMLDivElement>(null);

  const update = (changes: Partial<AuthoringState>) => setState((s) => ({ ...s, ...changes }));

  /** Checks locally; on a problem, shows the errors and returns false. */
  function check(): boolean {
    const found = validate(state);
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length) {
      setFormError("Some fields need attention (marked below).");
      top.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      return false;
    }
    return true;
  }

  function showServerError(err: unknown) {
    if (err instanceof ApiError && err.status === 422 && err.type === "DRY_RUN_FAILED") {
      const results = dryRunFrom(err.data);
      if (results.results.length) setDryRun(results);
      const details = err.fields.map((f) => f.message).join("; ");
      setFormError(`Nothing was published: a reference solution did not get its expected verdict${details ? ` (${details})` : ""}.`);
      return;
    }
    if (err instanceof ApiError && err.status === 422 && err.fields.length) {
      setErrors(err.fieldErrors);
      setFormError("The server refused some fields (marked below).");
      top.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      return;
    }
    if (err instanceof ApiError && err.status === 409) {
      setSlugTaken(true);
      setErrors({ slug: "A problem with this slug exists. Choose another slug, or replace that problem." });
      return;
    }
    setFormError(errorMessage(err));
  }

  const runDry = useMutation({
    mutationFn: () => api.dryRun({ ...toBody(state), solutions: toSolutions(state) }),
    onMutate: () => setDryRun(undefined),
    onSuccess: (result) => setDryRun(result),
    onError: (err) => {
      if (err instanceof ApiError && err.status === 404) setFormError("The dry run is not available on this server yet.");
      else showServerError(err);
    },
  });

  const publish = useMutation({
    mutationFn: (mode: "create" | "replace") => {
      const solutions = toSolutions(state);
      const body = { ...toBody(state), ...(solutions.length ? { solutions } : {}) };
      return mode === "create" ? api.createProblem(body) : api.replaceProblem(body);
    },
    onSuccess: ({ slug }) => {
      void queryClient.invalidateQueries({ queryKey: ["problems"] });
      void queryClient.invalidateQueries({ queryKey: ["problem", slug] });
      navigate(`/problems/${slug}`);
    },
    onError: showServerError,
  });

  const busy = runDry.isPending || publish.isPending;
  const testErrors = useMemo(() => {
    const ordered = orderedTests(state.tests);
    const byId: Record<string, { input?: string; output?: string }> = {};
    for (const [field, message] of Object.entries(errors)) {
      const match = /^tests\.(\d+)(?:\.(input|output))?/.exec(field);
      const test = match ? ordered[Number(match[1])] : undefined;
      if (test) byId[test.id] = { ...byId[test.id], [match?.[2] ?? "input"]: message };
    }
    return byId;
  }, [errors, state.tests]);

  return (
    <div className="page authoring" ref={top}>
      <header className="page-head">
        <div>
          <h1>New problem</h1>
          <p className="muted">Write it, test it against reference solutions, publish it.</p>
        </div>
      </header>
      <FormError>{formError}</FormError>

      <form
        className="authoring-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (check()) publish.mutate("create");
        }}
      >
        <Section title="Basics">
          <div className="grid-2">
            <TextField
              label="Title"
              name="title"
              value={state.title}
              onChange={(e) => update({ title: e.target.value, ...(state.slugEdited ? {} : { slug: slugify(e.target.value) }) })}
              error={errors.title}
            />
            <TextField
              label="Slug"
              name="slug"
              hint="The problem's address: /problems/<slug>."
              value={state.slug}
              onChange={(e) => {
                setSlugTaken(false);
                update({ slug: e.target.value, slugEdited: true });
              }}
              error={errors.slug}
              spellCheck={false}
            />
            <SelectField label="Difficulty" name="difficulty" value={state.difficulty} onChange={(e) => update({ difficulty: e.target.value as AuthoringState["difficulty"] })} error={errors.difficulty}>
              {DIFFICULTIES.map((d) => (
                <option key={d} value={d}>
                  {d[0]!.toUpperCase() + d.slice(1)}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Tags"
              name="tags"
              hint="Comma-separated: arrays, hashing, dynamic-programming."
              value={state.tags}
              onChange={(e) => update({ tags: e.target.value })}
              error={errors.tags ?? Object.entries(errors).find(([k]) => k.startsWith("tags."))?.[1]}
            />
          </div>
        </Section>

        <Section title="Statement">
          <Tabs
            label="Statement"
            active={statementTab}
            onChange={setStatementTab}
            tabs={[
              { key: "write", label: "Write" },
              { key: "preview", label: "Preview" },
            ]}
          >
            {statementTab === "write" ? (
              <TextAreaField
                label="Statement (markdown)"
                name="statement"
                className="statement-field"
                hint="Markdown: headings, lists, `code`, fenced code blocks. Describe the input and output formats and the constraints."
                value={state.statement}
                onChange={(e) => update({ statement: e.target.value })}
                error={errors.statement}
                rows={14}
              />
            ) : state.statement.trim() ? (
              <div className="statement-preview">
                <Markdown source={state.statement} />
              </div>
            ) : (
              <p className="muted pane-pad">Nothing to preview yet.</p>
            )}
          </Tabs>
        </Section>

        <Section title="Limits and checking">
          <div className="grid-2">
            <TextField label="Time limit (ms)" name="timeMs" type="number" inputMode="numeric" min={100} max={10000} value={state.timeMs} onChange={(e) => update({ timeMs: e.target.value })} error={errors["limits.timeMs"]} />
            <TextField
              label="Memory limit (MB)"
              name="memoryMb"
              type="number"
              inputMode="numeric"
              min={16}
              max={1024}
              value={state.memoryMb}
              onChange={(e) => update({ memoryMb: e.target.value })}
              error={errors["limits.memoryMb"]}
            />
          </div>
          <fieldset className="field">
            <legend className="field-label">Checker</legend>
            <div className="choice-grid">
              {CHECKERS.filter((option) => option.value !== "custom" || state.kind === "stdio").map((option) => (
                <label key={option.value} className={`choice${state.checker === option.value ? " choice-on" : ""}`}>
                  <input type="radio" name="checker" value={option.value} checked={state.checker === option.value} onChange={() => update({ checker: option.value })} />
                  <span>
                    <strong>{option.label}</strong>
                    <span className="muted small">{option.hint}</span>
                  </span>
                </label>
              ))}
            </div>
            {(errors.checker ?? errors["checker.custom"]) && <p className="field-error">{errors.checker ?? errors["checker.custom"]}</p>}
          </fieldset>
          {state.checker === "float" && <TextField label="Tolerance" name="tolerance" value={state.tolerance} onChange={(e) => update({ tolerance: e.target.value })} hint="e.g. 1e-6" />}
          {state.checker === "custom" && (
            <div className="stack">
              <p className="hint-box">
                The checker runs after each test with the files <code>input</code>, <code>answer</code> and <code>output</code> in its working directory.{" "}
                <strong>Exit 42 = accepted, 43 = wrong answer</strong> (Kattis output-validator style); anything it prints to stderr is kept as feedback.
              </p>
              <SelectField
                label="Checker language"
                name="checkerLanguage"
                value={state.customChecker.language}
                onChange={(e) => update({ customChecker: { ...state.customChecker, language: e.target.value as LanguageId } })}
              >
                {LANGUAGE_IDS.map((id) => (
                  <option key={id} value={id}>
                    {LANGUAGE_LABELS[id]}
                  </option>
                ))}
              </SelectField>
              <div className="field">
                <span className="field-label" id="checker-source-label">
                  Checker program
                </span>
                <div className="editor-frame">
                  <CodeEditor
                    value={state.customChecker.source}
                    language={state.customChecker.language}
                    onChange={(source) => setState((s) => ({ ...s, customChecker: { ...s.customChecker, source } }))}
                    label="Checker program"
                  />
                </div>
              </div>
            </div>
          )}
        </Section>

        <Section title="Kind">
          <fieldset className="field">
            <legend className="visually-hidden">Kind</legend>
            <div className="choice-grid">
              <label className={`choice${state.kind === "stdio" ? " choice-on" : ""}`}>
                <input type="radio" name="kind" value="stdio" checked={state.kind === "stdio"} onChange={() => update({ kind: "stdio" })} />
                <span>
                  <strong>Standard input/output</strong>
                  <span className="muted small">The program reads stdin and writes stdout.</span>
                </span>
              </label>
              <label className={`choice${state.kind === "function" ? " choice-on" : ""}`}>
                <input type="radio" name="kind" value="function" checked={state.kind === "function"} onChange={() => update({ kind: "function", ...(state.checker === "custom" ? { checker: "tokens" } : {}) })} />
                <span>
                  <strong>Function</strong>
                  <span className="muted small">Learners implement a function; tests are JSON (arguments → value).</span>
                </span>
              </label>
            </div>
          </fieldset>
          {state.kind === "function" && <SignatureEditor signature={state.signature} onChange={(signature) => update({ signature })} errors={errors} />}
        </Section>

        <Section title="Tests" aside={`${state.tests.length} test${state.tests.length === 1 ? "" : "s"}, ${state.tests.filter((t) => t.sample).length} sample`}>
          <TestsEditor tests={state.tests} kind={state.kind} onChange={(tests) => setState((s) => ({ ...s, tests }))} errors={testErrors} listError={errors.tests} />
        </Section>

        <Section title="Reference solutions" aside="Judged by the dry run and before publishing">
          <SolutionsEditor
            solutions={state.solutions}
            onChange={(solutions) => setState((s) => ({ ...s, solutions }))}
            onAdd={() => setState((s) => ({ ...s, solutions: [...s.solutions, { id: newId("solution"), language: "python", expected: "AC", source: "" }] }))}
          />
          {dryRun && <DryRunResults result={dryRun} />}
        </Section>

        <div className="action-bar">
          <span className="muted small">{runDry.isPending ? "Judging the reference solutions…" : publish.isPending ? "Publishing…" : ""}</span>
          <span className="grow" />
          <button
            type="button"
            className="btn btn-secondary"
            disabled={busy || state.solutions.length === 0}
            title={state.solutions.length === 0 ? "Add a reference solution first" : "Judge the reference solutions on these tests"}
            onClick={() => {
              if (check()) runDry.mutate();
            }}
          >
            {runDry.isPending ? "Running…" : "Dry run"}
          </button>
          {slugTaken && (
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              onClick={() => {
                if (check() && window.confirm(`Replace the existing problem '${state.slug}' with this one?`)) publish.mutate("replace");
              }}
            >
              Replace existing
            </button>
          )}
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {publish.isPending ? "Publishing…" : "Publish"}
          </button>
        </div>
      </form>
    </div>
  );
}

function Section({ title, aside, children }: { title: string; aside?: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section className="card authoring-section" aria-labelledby={id}>
      <header className="section-head">
        <h2 id={id}>{title}</h2>
        {aside && <span className="muted small">{aside}</span>}
      </header>
      <div className="stack">{children}</div>
    </section>
  );
}

/** DRY_RUN_FAILED carries the results in error.data (as `{results}` or the list itself). */
function dryRunFrom(data: unknown): DryRunResult {
  const results = Array.isArray(data) ? data : (data as { results?: unknown } | undefined)?.results;
  return { ok: false, results: Array.isArray(results) ? (results as DryRunResult["results"]) : [] };
}
