import type { DryRunResult } from "../../api/types";
import { formatKb, formatMs } from "../../components/format";
import { VerdictBadge } from "../../components/Verdict";
import { LANGUAGE_LABELS } from "../../editor/languages";

export function DryRunResults({ result }: { result: DryRunResult }) {
  return (
    <section className={`dry-run ${result.ok ? "dry-run-ok" : "dry-run-bad"}`} aria-label="Dry run results" data-testid="dry-run-results" data-ok={result.ok}>
      <h3 role="status">{result.ok ? "✓ Every reference solution got its expected verdict" : "✗ A reference solution did not get its expected verdict"}</h3>
      <ol className="dry-run-list">
        {result.results.map((r, i) => {
          const matched = r.verdict === r.expected;
          return (
            <li key={i} className={`dry-run-item${matched ? "" : " dry-run-mismatch"}`}>
              <div className="row gap-sm wrap align-center">
                <strong>
                  Solution {i + 1} · {LANGUAGE_LABELS[r.language] ?? r.language}
                </strong>
                <span className="muted small">expected {r.expected}, got</span>
                <VerdictBadge verdict={r.verdict} size="sm" />
                {r.timeMs !== undefined && <span className="muted small">{formatMs(r.timeMs)}</span>}
                <span className={`pill ${matched ? "pill-ok" : "pill-bad"}`}>{matched ? "as expected" : "mismatch"}</span>
              </div>
              {r.tests.length > 0 && (
                <ol className="dry-run-tests">
                  {r.tests.map((t) => (
                    <li key={t.index} className={`verdict-tint-${t.verdict.toLowerCase()}`} title={`${formatMs(t.timeMs)} · ${formatKb(t.memoryKb)}`}>
                      <span className="muted small">#{t.index + 1}</span> <VerdictBadge verdict={t.verdict} size="sm" />
                    </li>
                  ))}
                </ol>
              )}
              {r.message && <p className="muted small dry-run-message">{r.message}</p>}
              {r.compileOutput && <pre className="pre pre-error">{r.compileOutput}</pre>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
