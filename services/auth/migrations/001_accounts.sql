CREATE TABLE :schema.accounts (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  password_hash text,
  full_name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{user}',
  tier text NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'pro', 'enterprise')),
  tenant_id text NOT NULL,
  email_verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX accounts_email_unique ON :schema.accounts (lower(email));

CREATE TABLE :schema.refresh_families (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES :schema.accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX refresh_families_account ON :schema.refresh_families (account_id);

CREATE TABLE :schema.refresh_tokens (
  token_hash text PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES :schema.refresh_families (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX refresh_tokens_family ON :schema.refresh_tokens (family_id);

CREATE TABLE :schema.oauth_links (
  provider text NOT NULL,
  subject text NOT NULL,
  account_id uuid NOT NULL REFERENCES :schema.accounts (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, subject)
);

CREATE TABLE :schema.email_verifications (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES :schema.accounts (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
