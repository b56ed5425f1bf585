import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
// the `postgresAdminUrl` key of vitest's ProvidedContext, also for packages that only import helpers (bench)
import type {} from './postgres.globalSetup.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The suite's PostgreSQL (its `postgres` database), when the run tests the PostgreSQL store. */
    postgresAdminUrl: string | null;
  }
}

/** The suite's PostgreSQL, or null (embedded project, or outside vitest: the benchmarks reuse these helpers). */
function adminUrl(): string | null {
  try {
    return inject('postgresAdminUrl') ?? null;
  } catch {
    return null;
  }
}

/** Which store the servers of this test run use: the embedded one, or the suite's PostgreSQL. */
export function storeUnderTest(): 'embedded' | 'postgres' {
  return adminUrl() ? 'postgres' : 'embedded';
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl()! });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the suite's PostgreSQL (one per server: tests never share data). */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = adminUrl();
  if (!serverUrl) throw new Error('no PostgreSQL in this test run (the postgres project starts one)');
  const name = `dalil_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const databases = new Map<string, Promise<string>>();

/** The database of the servers on `dataDir` in a PostgreSQL run (null otherwise, or before any started). */
export function databaseOfDataDir(dataDir: string): Promise<string | null> {
  return databases.get(dataDir) ?? Promise.resolve(null);
}

/**
 * In a PostgreSQL test run, the database a server on `dataDir` stores into: a new one for a new data
 * dir, the same one when a server starts again on the same dir (restart and kill tests). Nothing
 * in the embedded run.
 */
export async function storeEnvFor(dataDir: string, env: Record<string, string>): Promise<Record<string, string>> {
  if (storeUnderTest() !== 'postgres' || env.DATABASE_URL !== undefined) return {};
  let url = databases.get(dataDir);
  if (!url) {
    url = createTestDatabase().then((db) => db.url);
    databases.set(dataDir, url);
  }
  return { DATABASE_URL: await url };
}
