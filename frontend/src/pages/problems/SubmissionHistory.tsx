/** The learner's submissions for one problem; one opens with its code and per-test results. */
import { useSubmissions } from "../../api/queries";
import type { LanguageId, Problem } from "../../api/types";
import { formatMs, formatWhen } from "../../components/format";
import { EmptyState, ErrorBlock, LoadingBlock } from "../../components/Status";
import { VerdictBadge } from "../../components/Verdict";
import { LANGUAGE_LABELS } from "../../editor/languages";
import { SubmissionResult } from "./SubmissionResult";
import { useSubmission } from "./useSubmission";

export function SubmissionHistory({
  problem,
  openId,
  onOpen,
  onLoad,
}: {
  problem: Problem;
  openId?: string;
  onOpen: (id: string | undefined) => void;
  onLoad: (source: string, language: LanguageId) => void;
}) {
  const list = useSubmissions(problem.slug);
  if (openId) return <SubmissionDetail id={openId} problem={problem} onBack={() => onOpen(undefined)} onLoad={onLoad} />;
  if (list.isPending) return <LoadingBlock />;
  if (list.isError) return <ErrorBlock error={list.error} />;
  if (list.data.items.length === 0) {
    return (
      <div className="pane-pad">
        <EmptyState title="No submissions yet.">Your attempts at this problem will be listed here.</EmptyState>
      </div>
    );
  }
  return (
    <ul className="history-list pane-pad" data-testid="submission-history">
      {list.data.items.map((s) => (
        <li key={s.id}>
          <button type="button" className="history-item" onClick={() => onOpen(s.id)}>
            <VerdictBadge verdict={s.verdict} status={s.status} size="sm" />
            <span className="history-lang">{LANGUAGE_LABELS[s.language] ?? s.language}</span>
            <span className="muted small">{s.timeMs != null ? formatMs(s.timeMs) : ""}</span>
            <span className="muted small history-when">{formatWhen(s.createdAt)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function SubmissionDetail({ id, problem, onBack, onLoad }: { id: string; problem: Problem; onBack: () => void; onLoad: (source: string, language: LanguageId) => void }) {
  const { submission, error, live } = useSubmission(id);
  return (
    <div className="pane-pad submission-detail">
      <button type="button" className="btn btn-ghost btn-sm" onClick={onBack}>
        ← All submissions
      </button>
      {error ? (
        <ErrorBlock error={error} title="Could not load the submission" />
      ) : !submission ? (
        <LoadingBlock />
      ) : (
        <>
          <p className="muted small">
            {submission.language ? LANGUAGE_LABELS[submission.language] : ""} · {submission.createdAt ? formatWhen(submission.createdAt) : ""}
          </p>
          <SubmissionResult submission={submission} problem={problem} live={live} />
          {submission.source && (
            <>
              <div className="row space-between align-center">
                <h3>Code</h3>
                <button type="button" className="btn btn-secondary btn-sm" onClick={() => submission.language && onLoad(submission.source ?? "", submission.language)}>
                  Load into the editor
                </button>
              </div>
              <pre className="pre code-view">{submission.source}</pre>
            </>
          )}
        </>
      )}
    </div>
  );
}
