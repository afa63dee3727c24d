/**
 * A fresh PostgreSQL database per suite on the cluster that the integration global setup started
 * (TEST_PG_URL). Drop it in afterAll; drop() terminates leftover connections (WITH (FORCE)).
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";

export interface TestDatabase {
  /** postgres://postgres@127.0.0.1:PORT/<name> */
  url: string;
  name: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_PG_URL;
  if (url === undefined || url === "") {
    throw new Error(
      "TEST_PG_URL is not set: integration suites run in the jest \"integration\" project, whose globalSetup " +
        "(test/harness/global-setup.ts) starts PostgreSQL",
    );
  }
  return url;
}

async function withAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function createTestDatabase(prefix = "test"): Promise<TestDatabase> {
  const clean = prefix.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 40) || "test";
  const name = `${clean}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    url: url.toString(),
    name,
    drop(): Promise<void> {
      dropped ??= withAdmin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      });
      return dropped;
    },
  };
}
