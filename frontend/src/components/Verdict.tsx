import type { Difficulty, SubmissionStatus, Verdict } from "../api/types";

export const VERDICT_LABELS: Record<Verdict, string> = {
  AC: "Accepted",
  WA: "Wrong answer",
  TLE: "Time limit exceeded",
  MLE: "Memory limit exceeded",
  RE: "Runtime error",
  OLE: "Output limit exceeded",
  CE: "Compilation error",
  IE: "Internal error",
};

/** A verdict as colour, code and words: never colour alone. */
export function VerdictBadge({ verdict, status, size = "md" }: { verdict?: Verdict; status?: SubmissionStatus; size?: "sm" | "md" | "lg" }) {
  if (!verdict) {
    const label = status === "running" ? "Judging" : "Queued";
    return (
      <span className={`verdict verdict-pending verdict-${size}`} data-verdict="pending">
        {label}
      </span>
    );
  }
  return (
    <span className={`verdict verdict-${verdict.toLowerCase()} verdict-${size}`} data-verdict={verdict} title={VERDICT_LABELS[verdict]}>
      <span className="verdict-code">{verdict}</span>
      {size !== "sm" && <span className="verdict-label">{VERDICT_LABELS[verdict]}</span>}
    </span>
  );
}

export function DifficultyBadge({ difficulty }: { difficulty: Difficulty }) {
  return <span className={`difficulty difficulty-${difficulty}`}>{difficulty[0]?.toUpperCase() + difficulty.slice(1)}</span>;
}
