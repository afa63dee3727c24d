CREATE TABLE :schema.profiles (
  id uuid PRIMARY KEY,
  tenant_id text NOT NULL,
  email text NOT NULL,
  full_name text NOT NULL,
  roles text[] NOT NULL DEFAULT '{user}',
  tier text NOT NULL DEFAULT 'free',
  email_verified boolean NOT NULL DEFAULT false,
  preferences jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX profiles_tenant ON :schema.profiles (tenant_id);

-- Second line of tenant isolation: under the avantika_tenant role a query sees and writes only
-- rows of the tenant named by app.tenant_id, whatever its WHERE clause says.
ALTER TABLE :schema.profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE :schema.profiles FORCE ROW LEVEL SECURITY;
CREATE POLICY profiles_tenant_isolation ON :schema.profiles
  USING (tenant_id = current_setting('app.tenant_id', true))
  WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
GRANT SELECT, INSERT, UPDATE ON :schema.profiles TO avantika_tenant;
