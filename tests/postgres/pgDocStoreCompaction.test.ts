import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { PgDocStore } from '@dalil/server/storage/postgres/pgDocStore.ts';
import { migrate } from '@dalil/server/storage/postgres/pgSchema.ts';
import { PostgresCluster } from '../helpers/postgres/postgresCluster.ts';

const textOf = (updates: Uint8Array[]) => {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
};

/** Two nodes' stores on one document, as when Redis is away and each node only has its own edits. */
describe('PgDocStore compaction with two nodes', () => {
  let postgres: PostgresCluster;
  let pool: pg.Pool;
  beforeAll(async () => {
    postgres = await PostgresCluster.create();
    pool = new pg.Pool({ connectionString: await postgres.createDatabase('compaction'), max: 4 });
    await migrate(pool);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    await postgres?.destroy();
  });

  it('a node compacting a copy that lacks what another node stored and compacted keeps it', async () => {
    const a = new PgDocStore(pool);
    const b = new PgDocStore(pool);
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    await a.load('d');
    await b.load('d');
    // each node stores edits the other never received
    docA.getText('t').insert(0, 'confirmé sur A;');
    await a.append('d', [Y.encodeStateAsUpdate(docA)]);
    docB.getText('t').insert(0, 'confirmé sur B;');
    await b.append('d', [Y.encodeStateAsUpdate(docB)]);
    // A leaves and compacts; then B compacts its own copy (without A's edit)
    await a.compact('d', Y.encodeStateAsUpdate(docA));
    await b.compact('d', Y.encodeStateAsUpdate(docB));
    const loaded = await new PgDocStore(pool).load('d');
    const text = textOf(loaded.updates);
    expect(text).toContain('confirmé sur A;');
    expect(text).toContain('confirmé sur B;');
    // B's compaction folded its own row only; A's was already folded by A
    expect((await pool.query('SELECT count(*)::int AS n FROM doc_updates')).rows[0].n).toBe(0);
  });
});
