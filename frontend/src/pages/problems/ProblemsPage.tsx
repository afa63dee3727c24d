/** Problems, filtered by difficulty, tag and text (the URL holds the filters: shareable, back-button safe). */
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useAllProblems, useProblemList } from "../../api/queries";
import { DIFFICULTIES, type Difficulty } from "../../api/types";
import { Pagination } from "../../components/Pagination";
import { EmptyState, ErrorBlock, LoadingBlock } from "../../components/Status";
import { usePageTitle } from "../../components/usePageTitle";
import { DifficultyBadge } from "../../components/Verdict";
import { useSession } from "../../session/store";

const PAGE_SIZE = 20;

export default function ProblemsPage() {
  usePageTitle("Problems");
  const [params, setParams] = useSearchParams();
  const difficulty = (DIFFICULTIES as string[]).includes(params.get("difficulty") ?? "") ? (params.get("difficulty") as Difficulty) : undefined;
  const tag = params.get("tag") ?? undefined;
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const signedIn = useSession((s) => s.status === "signedIn");

  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);
  // Typing filters after a short pause, not on every key.
  useEffect(() => {
    if (search === q) return;
    const timer = setTimeout(() => update({ q: search || undefined, page: undefined }), 300);
    return () => clearTimeout(timer);
  }, [search]);

  function update(changes: Record<string, string | undefined>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }

  const list = useProblemList({ difficulty, tag, q: q || undefined, page, pageSize: PAGE_SIZE });
  const all = useAllProblems();
  const tags = useMemo(() => [...new Set((all.data ?? []).flatMap((p) => p.tags))].sort(), [all.data]);

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Problems</h1>
          <p className="muted">{all.data ? `${all.data.length} problems, from warm-ups to interview finals.` : "From warm-ups to interview finals."}</p>
        </div>
      </header>

      <div className="filters" role="search">
        <div className="field field-inline grow">
          <label htmlFor="problem-search" className="visually-hidden">
            Search problems
          </label>
          <input id="problem-search" className="input" type="search" placeholder="Search by title…" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div className="segmented" role="group" aria-label="Difficulty">
          {[undefined, ...DIFFICULTIES].map((d) => (
            <button
              key={d ?? "all"}
              type="button"
              className={`segment${difficulty === d ? " segment-on" : ""}`}
              aria-pressed={difficulty === d}
              onClick={() => update({ difficulty: d, page: undefined })}
            >
              {d ? d[0]!.toUpperCase() + d.slice(1) : "All"}
            </button>
          ))}
        </div>
        <div className="field field-inline">
          <label htmlFor="problem-tag" className="visually-hidden">
            Tag
          </label>
          <select id="problem-tag" className="input select" value={tag ?? ""} onChange={(e) => update({ tag: e.target.value || undefined, page: undefined })}>
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>

      {list.isPending ? (
        <LoadingBlock label="Loading problems…" />
      ) : list.isError ? (
        <ErrorBlock error={list.error} title="Could not load the problems" />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No problem matches these filters.">
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setParams(new URLSearchParams(), { replace: true })}>
            Clear the filters
          </button>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap card flush">
            <table className="table problems-table" aria-busy={list.isFetching}>
              <thead>
                <tr>
                  <th scope="col" className="col-status">
                    <span className="visually-hidden">Solved</span>
                  </th>
                  <th scope="col">Title</th>
                  <th scope="col">Difficulty</th>
                  <th scope="col" className="col-tags">
                    Tags
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((problem) => (
                  <tr key={problem.slug} data-testid="problem-row" data-slug={problem.slug}>
                    <td className="col-status">
                      {problem.solvedByMe ? (
                        <span className="solved-mark" title="Solved" data-testid="solved-mark">
                          <span aria-hidden="true">✓</span>
                          <span className="visually-hidden">Solved</span>
                        </span>
                      ) : null}
                    </td>
                    <td>
                      <Link to={`/problems/${problem.slug}`} className="problem-link">
                        {problem.title}
                      </Link>
                    </td>
                    <td>
                      <DifficultyBadge difficulty={problem.difficulty} />
                    </td>
                    <td className="col-tags">
                      <div className="row gap-xs wrap">
                        {problem.tags.map((t) => (
                          <button key={t} type="button" className="tag tag-button" onClick={() => update({ tag: t, page: undefined })} aria-label={`Filter by tag ${t}`}>
                            {t}
                          </button>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={(p) => update({ page: p > 1 ? String(p) : undefined })} />
          {!signedIn && (
            <p className="muted small center-text">
              <Link to="/signin">Sign in</Link> to submit solutions and track what you have solved.
            </p>
          )}
        </>
      )}
    </div>
  );
}
