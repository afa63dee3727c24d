/**
 * One submission as it is judged: a progress bar (tests finished; complete at "done"), a row per
 * finished test, the verdict, the compiler's output, and for a failing sample its input, the
 * expected output and what the program printed.
 */
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import type { Problem, TestResult } from "../../api/types";
import { formatKb, formatMs } from "../../components/format";
import { VERDICT_LABELS, VerdictBadge } from "../../components/Verdict";
import type { TrackedSubmission } from "./useSubmission";

export function SubmissionResult({ submission, problem, live }: { submission: TrackedSubmission; problem?: Problem; live?: boolean }) {
  const done = submission.status === "done";
  const finished = submission.tests.length;
  const total = submission.total;
  const passed = submission.tests.filter((t) => t.verdict === "AC").length;
  const fraction = done ? 1 : total ? Math.min(1, finished / total) : undefined;
  const failing = submission.tests.find((t) => t.verdict !== "AC");

  return (
    <section
      className="submission-result"
      aria-label="Submission result"
      data-submission-id={submission.id}
      data-status={submission.status}
      data-verdict={submission.verdict ?? ""}
    >
      <header className="submission-head">
        <VerdictBadge verdict={done ? submission.verdict : undefined} status={submission.status} size="lg" />
        <div className="submission-summary" aria-live="polite">
          {done ? (
            submission.verdict === "CE" ? (
              <span>The program did not compile.</span>
            ) : (
              <span>
                {passed} of {finished} tests passed
                {submission.timeMs != null && <> · {formatMs(submission.timeMs)}</>}
                {submission.memoryKb != null && <> · {formatKb(submission.memoryKb)}</>}
              </span>
            )
          ) : submission.status === "queued" && finished === 0 ? (
            <span>Waiting for a judge…</span>
          ) : (
            <span data-testid="tests-progress">
              {finished} {total ? `of ${total} ` : ""}
              {finished === 1 && !total ? "test" : "tests"} judged
            </span>
          )}
        </div>
        {!done && <span className={`live-dot${live ? " live-dot-on" : ""}`} title={live ? "Live updates" : "Checking for updates"} aria-hidden="true" />}
      </header>

      <div
        className={`progress${fraction === undefined ? " progress-indeterminate" : ""}${done ? ` progress-done progress-${submission.verdict === "AC" ? "ok" : "bad"}` : ""}`}
        role="progressbar"
        aria-label="Judging progress"
        aria-valuemin={0}
        aria-valuemax={total ?? (done ? finished : undefined)}
        aria-valuenow={done ? (total ?? finished) : fraction === undefined ? undefined : finished}
      >
        <span className="progress-bar" style={{ width: fraction === undefined ? undefined : `${Math.round(fraction * 100)}%` }} />
      </div>

      {done && failing && problem && isSample(failing, problem) && <FailingSample submission={submission} test={failing} problem={problem} />}
      {done && failing && problem && !isSample(failing, problem) && submission.verdict !== "CE" && (
        <p className="muted small">
          Test {failing.index + 1} is a hidden test: {VERDICT_LABELS[failing.verdict].toLowerCase()}. Check the edge cases in the constraints.
        </p>
      )}
      {finished > 0 && (
        <ol className="test-grid" aria-label="Tests">
          {submission.tests.map((test) => (
            <TestRow key={test.index} test={test} sample={isSample(test, problem)} />
          ))}
        </ol>
      )}

      {submission.compileOutput && (
        <div className="output-block">
          <h4>Compiler output</h4>
          <pre className="pre pre-error">{submission.compileOutput}</pre>
        </div>
      )}

    </section>
  );
}

/** Problem packages list their samples first, so a test's index below the sample count is that sample. */
function isSample(test: TestResult, problem?: Problem): boolean {
  return Boolean(problem && test.index < problem.samples.length);
}

function TestRow({ test, sample }: { test: TestResult; sample: boolean }) {
  return (
    <li className={`test-row verdict-tint-${test.verdict.toLowerCase()}`} data-testid="test-row" data-verdict={test.verdict}>
      <span className="test-name">
        Test {test.index + 1}
        {sample && <span className="test-sample"> · sample</span>}
      </span>
      <VerdictBadge verdict={test.verdict} size="sm" />
      <span className="test-metrics">
        {formatMs(test.timeMs)} · {formatKb(test.memoryKb)}
      </span>
    </li>
  );
}

function FailingSample({ submission, test, problem }: { submission: TrackedSubmission; test: TestResult; problem: Problem }) {
  const sample = problem.samples[test.index];
  // The judge does not return a test's output; running the submitted code on the sample shows it.
  const canRun = problem.kind !== "function" && Boolean(submission.source && submission.language) && (test.verdict === "WA" || test.verdict === "RE" || test.verdict === "OLE");
  const actual = useQuery({
    queryKey: ["sample-output", submission.id, test.index],
    enabled: canRun,
    staleTime: Infinity,
    retry: false,
    queryFn: () => api.run({ language: submission.language!, source: submission.source!, stdin: sample?.input ?? "" }),
  });
  if (!sample) return null;
  return (
    <div className="failing-sample" data-testid="failing-sample">
      <h4>
        Sample {test.index + 1} failed: {VERDICT_LABELS[test.verdict].toLowerCase()}
      </h4>
      <div className="io-grid">
        <div>
          <h5>Input</h5>
          <pre className="pre">{sample.input}</pre>
        </div>
        <div>
          <h5>Expected output</h5>
          <pre className="pre">{sample.output}</pre>
        </div>
        {canRun && (
          <div>
            <h5>Your output</h5>
            {actual.isPending ? (
              <pre className="pre muted">Running…</pre>
            ) : actual.data ? (
              <pre className="pre pre-actual" data-testid="actual-output">
                {actual.data.stdout || "(no output)"}
                {actual.data.stderr ? `\n— stderr —\n${actual.data.stderr}` : ""}
              </pre>
            ) : (
              <pre className="pre muted">Could not run it again: {actual.error instanceof Error ? actual.error.message : "unknown error"}</pre>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
