import { useState } from "react";
import type { ContractChecker, Problem } from "../../api/types";
import { Markdown } from "../../components/Markdown";
import { DifficultyBadge } from "../../components/Verdict";

function checkerText(checker: ContractChecker): string {
  if (checker === "exact") return "Output compared exactly";
  if (checker === "tokens") return "Output compared token by token";
  if ("float" in checker) return `Numbers accepted within ${checker.float}`;
  return "Output checked by a custom checker";
}

export function ProblemStatement({ problem, onUseSample }: { problem: Problem; onUseSample: (input: string) => void }) {
  return (
    <article className="statement pane-pad">
      <h1 className="statement-title">{problem.title}</h1>
      <div className="row gap-sm wrap statement-meta">
        <DifficultyBadge difficulty={problem.difficulty} />
        {problem.tags.map((tag) => (
          <span key={tag} className="tag">
            {tag}
          </span>
        ))}
      </div>
      <dl className="limits">
        <div>
          <dt>Time limit</dt>
          <dd>{problem.limits.timeMs} ms</dd>
        </div>
        <div>
          <dt>Memory limit</dt>
          <dd>{problem.limits.memoryMb} MB</dd>
        </div>
        <div>
          <dt>Checker</dt>
          <dd>{checkerText(problem.checker)}</dd>
        </div>
      </dl>
      {problem.kind === "function" && problem.signature && (
        <p className="signature">
          Implement <code>{problem.signature.name}({problem.signature.params.map((p) => `${p.name}: ${p.type}`).join(", ")}) → {problem.signature.returns}</code>
        </p>
      )}
      <Markdown source={problem.statement} />
      {problem.samples.length > 0 && (
        <section className="samples" aria-label="Samples">
          <h2>Samples</h2>
          {problem.samples.map((sample, i) => (
            <div className="sample" key={i}>
              <div className="sample-head">
                <h3>Sample {i + 1}</h3>
                {problem.kind !== "function" && (
                  <button type="button" className="btn btn-ghost btn-xs" onClick={() => onUseSample(sample.input)}>
                    Use as custom input
                  </button>
                )}
              </div>
              <div className="io-grid">
                <SampleBlock title="Input" text={sample.input} />
                <SampleBlock title="Output" text={sample.output} />
              </div>
            </div>
          ))}
        </section>
      )}
    </article>
  );
}

function SampleBlock({ title, text }: { title: string; text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="sample-block">
      <div className="sample-block-head">
        <h4>{title}</h4>
        <button
          type="button"
          className="btn btn-ghost btn-xs"
          onClick={() => {
            void navigator.clipboard?.writeText(text).then(() => {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            });
          }}
          aria-label={`Copy the sample ${title.toLowerCase()}`}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <pre className="pre">{text}</pre>
    </div>
  );
}
