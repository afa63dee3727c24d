/** The first dashboard, derived from the problem list (solvedByMe) and the learner's submissions. */
import { Link } from "react-router";
import { useAllProblems, useSubmissions } from "../../api/queries";
import { DIFFICULTIES, type ProblemSummary, type Submission } from "../../api/types";
import { formatWhen } from "../../components/format";
import { EmptyState, ErrorBlock, LoadingBlock } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { DifficultyBadge, VerdictBadge } from "../../components/Verdict";
import { LANGUAGE_LABELS } from "../../editor/languages";
import { useSession } from "../../session/store";

export function solvedByDifficulty(problems: ProblemSummary[]) {
  return DIFFICULTIES.map((difficulty) => {
    const all = problems.filter((p) => p.difficulty === difficulty);
    return { difficulty, solved: all.filter((p) => p.solvedByMe).length, total: all.length };
  });
}

/** The easiest unsolved problem, preferring one attempted recently (finish what you started). */
export function nextProblem(problems: ProblemSummary[], submissions: Submission[]): ProblemSummary | undefined {
  const unsolved = problems.filter((p) => !p.solvedByMe);
  const attempted = new Set(submissions.map((s) => s.problem));
  return unsolved.find((p) => attempted.has(p.slug)) ?? unsolved[0];
}

export default function DashboardPage() {
  usePageTitle("Dashboard");
  const user = useSession((s) => s.user);
  const problems = useAllProblems();
  const submissions = useSubmissions();
  const firstName = user?.fullName.split(/\s+/)[0] ?? "";

  if (problems.isPending) return <LoadingBlock label="Loading your progress…" />;
  if (problems.isError) return <ErrorBlock error={problems.error} title="Could not load your progress" />;

  const all = problems.data;
  const byDifficulty = solvedByDifficulty(all);
  const solved = all.filter((p) => p.solvedByMe).length;
  const recent = submissions.data?.items.slice(0, 8) ?? [];
  const titles = new Map(all.map((p) => [p.slug, p.title]));
  const next = nextProblem(all, submissions.data?.items ?? []);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>{firstName ? `Welcome, ${firstName}` : "Your dashboard"}</h1>
          <p className="muted">Here is where you stand.</p>
        </div>
        <Link className="btn btn-ghost" to="/problems">
          All problems
        </Link>
      </header>

      <section className="stats-grid" aria-label="Problems solved">
        <article className="card stat stat-total" data-testid="solved-total">
          <h2 className="stat-label">Solved</h2>
          <p className="stat-value">
            <span data-testid="solved-count">{solved}</span>
            <span className="stat-of"> / {all.length}</span>
          </p>
          <Meter value={solved} max={all.length} label="All problems solved" />
        </article>
        {byDifficulty.map(({ difficulty, solved: done, total }) => (
          <article key={difficulty} className={`card stat stat-${difficulty}`} data-testid={`solved-${difficulty}`}>
            <h2 className="stat-label">
              <DifficultyBadge difficulty={difficulty} />
            </h2>
            <p className="stat-value">
              {done}
              <span className="stat-of"> / {total}</span>
            </p>
            <Meter value={done} max={total} label={`${difficulty} problems solved`} />
          </article>
        ))}
      </section>

      <div className="dashboard-grid">
        <section className="card" aria-labelledby="next-heading">
          <h2 id="next-heading" className="card-title">
            Up next
          </h2>
          {next ? (
            <div className="next-problem" data-testid="next-problem">
              <div>
                <Link to={`/problems/${next.slug}`} className="next-title">
                  {next.title}
                </Link>
                <div className="row gap-sm wrap">
                  <DifficultyBadge difficulty={next.difficulty} />
                  {next.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </div>
              </div>
              <Link to={`/problems/${next.slug}`} className="btn btn-primary">
                Solve it
              </Link>
            </div>
          ) : (
            <EmptyState title="You have solved everything.">New problems are on their way.</EmptyState>
          )}
        </section>

        <section className="card" aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="card-title">
            Recent submissions
          </h2>
          {submissions.isPending ? (
            <LoadingBlock />
          ) : recent.length === 0 ? (
            <EmptyState title="No submissions yet.">Pick a problem and submit your first solution.</EmptyState>
          ) : (
            <ul className="recent-list" data-testid="recent-submissions">
              {recent.map((s) => (
                <li key={s.id}>
                  <Link to={`/problems/${s.problem}?submission=${s.id}`} className="recent-item">
                    <span className="recent-title">{titles.get(s.problem) ?? s.problem}</span>
                    <span className="muted small">
                      {LANGUAGE_LABELS[s.language] ?? s.language} · {formatWhen(s.createdAt)}
                    </span>
                    <VerdictBadge verdict={s.verdict} status={s.status} size="sm" />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="meter" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
      <span style={{ width: `${pct}%` }} />
    </div>
  );
}
