CREATE TABLE :schema.submissions (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL,
  tenant_id text NOT NULL,
  problem text NOT NULL,
  language text NOT NULL,
  source text NOT NULL,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done')),
  verdict text,
  tests jsonb NOT NULL DEFAULT '[]'::jsonb,
  time_ms int,
  memory_kb int,
  compile_output text,
  judged_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  judged_at timestamptz
);
CREATE INDEX submissions_user_problem ON :schema.submissions (user_id, problem, created_at DESC);
CREATE INDEX submissions_user_created ON :schema.submissions (user_id, created_at DESC);
CREATE INDEX submissions_pending ON :schema.submissions (created_at) WHERE status <> 'done';

CREATE TABLE :schema.solved (
  user_id uuid NOT NULL,
  problem text NOT NULL,
  first_submission uuid NOT NULL,
  solved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, problem)
);
