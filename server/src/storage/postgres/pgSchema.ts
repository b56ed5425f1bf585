import type pg from 'pg';
import { inTransaction } from './pgPool.ts';

/**
 * The database schema, as numbered steps applied once each, in order. A step, once released, is
 * never edited: a change is a new step. `migrate` runs at every start; nodes starting together
 * serialise on a transaction-scoped advisory lock, so each step runs exactly once.
 */
const STEPS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'metadata records, section documents, version manifests, guide images, server settings',
    sql: `
      -- One row per metadata record (accounts; per guide: guide, threads, workflow; per person:
      -- notifications), as the embedded store keeps one file each. version counts the writes, so a
      -- node writing from a stale copy is refused instead of overwriting what another node wrote.
      -- json, not jsonb: a record is always written and read whole, and jsonb's parsing doubled the
      -- cost of writing a large guide's record (bench scenario "cluster"); json is still queryable.
      CREATE TABLE metadata_records (
        kind text NOT NULL,
        id text NOT NULL,
        data json NOT NULL,
        version bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      );
      -- A section document: its compacted state, plus the updates appended since (one row per
      -- group commit). Loading applies the snapshot then the updates in seq order.
      CREATE TABLE doc_snapshots (
        doc text PRIMARY KEY,
        data bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE doc_updates (
        seq bigserial PRIMARY KEY,
        doc text NOT NULL,
        data bytea NOT NULL
      );
      CREATE INDEX doc_updates_doc_seq ON doc_updates (doc, seq);
      -- Whole-guide versions: immutable manifests (their section contents are files of FILES_DIR,
      -- named by hash).
      CREATE TABLE version_manifests (
        id text PRIMARY KEY,
        guide_id text NOT NULL,
        created_at text NOT NULL,
        manifest json NOT NULL
      );
      CREATE INDEX version_manifests_guide ON version_manifests (guide_id);
      -- Which images each guide lists (what makes image access guide-scoped); the image files are
      -- in FILES_DIR, named by their SHA-256.
      CREATE TABLE guide_images (
        guide_id text NOT NULL,
        image_id text NOT NULL,
        record json NOT NULL,
        added bigserial,
        PRIMARY KEY (guide_id, image_id)
      );
      -- Values every node must share (the secret that binds CSRF tokens to sessions).
      CREATE TABLE server_settings (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
];

/** Any constant that no other application on the database uses for an advisory lock. */
const MIGRATION_LOCK = 0x64616c69; // "dali"

export const SCHEMA_VERSION = STEPS[STEPS.length - 1]!.version;

/** Applies the steps this database lacks; returns the versions applied now. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > SCHEMA_VERSION) {
      throw new Error(`the database schema is version ${newest}, newer than this server knows (${SCHEMA_VERSION}): upgrade the server`);
    }
    const applied: number[] = [];
    for (const step of STEPS) {
      if (done.has(step.version)) continue;
      await client.query(step.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
      applied.push(step.version);
    }
    return applied;
  });
}
