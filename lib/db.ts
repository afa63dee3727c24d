/**
 * PostgreSQL access through `pg`: one pool per process and URL (the embedded PGlite server takes
 * exactly one connection, so the pool is shared by every service of the process), SQL migrations
 * per schema under an advisory lock, and transaction helpers. Services never call another
 * service while holding a transaction: with a pool of one that would wait on itself.
 */
import fs from "node:fs";
import path from "node:path";
import { Pool, type PoolClient, type QueryResultRow } from "pg";

export type Queryable = Pick<PoolClient, "query">;

const pools = new Map<string, { pool: Pool; users: number }>();

export function acquirePool(url: string, max: number): Pool {
  const entry = pools.get(url);
  if (entry) {
    entry.users += 1;
    return entry.pool;
  }
  const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => {
    /* an idle client lost its server; the pool replaces it on next use */
  });
  pools.set(url, { pool, users: 1 });
  return pool;
}

export async function releasePool(url: string): Promise<void> {
  const entry = pools.get(url);
  if (!entry) return;
  entry.users -= 1;
  if (entry.users <= 0) {
    pools.delete(url);
    await entry.pool.end();
  }
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

export class Database {
  constructor(
    readonly pool: Pool,
    readonly schema: string,
  ) {
    if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid schema name '${schema}'`);
  }

  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: unknown[] = []) {
    return this.pool.query<R>(sql, params);
  }

  /** Runs `work` in one transaction; rolls back on any error. */
  async tx<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * A transaction scoped to one tenant: row-level security policies compare rows with
   * `app.tenant_id`, and the role `avantika_tenant` (not a superuser, no BYPASSRLS) makes the
   * policies apply even when the pool connects as the database owner.
   */
  async withTenant<T>(tenantId: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.tx(async (client) => {
      await client.query("SELECT set_config('app.tenant_id', $1, true)", [tenantId]);
      await client.query("SET LOCAL ROLE avantika_tenant");
      return work(client);
    });
  }

  /** Applies `<dir>/*.sql` in name order, once each, under an advisory lock per schema. */
  async migrate(dir: string): Promise<string[]> {
    const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort() : [];
    const applied: string[] = [];
    const client = await this.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock(hashtext($1))", [`avantika.migrations.${this.schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${this.schema}.schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      await ensureTenantRole(client);
      const done = new Set(
        (await client.query<{ version: string }>(`SELECT version FROM ${this.schema}.schema_migrations`)).rows.map((r) => r.version),
      );
      for (const file of files) {
        if (done.has(file)) continue;
        const sql = fs.readFileSync(path.join(dir, file), "utf8").replaceAll(":schema", this.schema);
        await client.query("BEGIN");
        try {
          await client.query(sql);
          await client.query(`INSERT INTO ${this.schema}.schema_migrations (version) VALUES ($1)`, [file]);
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK");
          throw new Error(`Migration ${this.schema}/${file} failed: ${(err as Error).message}`);
        }
        applied.push(file);
      }
      await client.query(`GRANT USAGE ON SCHEMA ${this.schema} TO avantika_tenant`);
    } finally {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [`avantika.migrations.${this.schema}`]).catch(() => undefined);
      client.release();
    }
    return applied;
  }
}

async function ensureTenantRole(client: PoolClient): Promise<void> {
  await client.query("SELECT pg_advisory_lock(hashtext('avantika.roles'))");
  try {
    await client.query(
      `DO $$ BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'avantika_tenant') THEN
           CREATE ROLE avantika_tenant NOLOGIN NOSUPERUSER NOBYPASSRLS;
         END IF;
       END $$`,
    );
    await client.query("DO $$ BEGIN EXECUTE format('GRANT avantika_tenant TO %I', current_user); END $$");
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('avantika.roles'))");
  }
}
