import type pg from 'pg';
import * as Y from 'yjs';
import { PerDocumentQueue } from '../perDocumentQueue.ts';
import type { DocStore, LoadedDoc } from '../docStore.ts';
import { decodeRecords, encodeRecords } from '../recordCodec.ts';
import { inTransaction } from './pgPool.ts';

interface KnownRows {
  /** Rows of doc_updates whose updates this node holds in its copy of the document. */
  seqs: string[];
  logBytes: number;
}

/**
 * Section documents in PostgreSQL: `doc_snapshots` holds the compacted state, `doc_updates` one row
 * per group commit (the updates framed as in the embedded log, checksums included). An append is
 * acknowledged once its INSERT has committed.
 *
 * Compaction deletes only the update rows this node loaded or wrote itself, and merges the stored
 * snapshot into the one it writes: with several nodes, another node may append or compact the same
 * document at the same moment, and what it stored must stay (replaying an update twice is harmless:
 * Yjs updates are idempotent). The store interprets updates only there, to merge two states.
 */
export class PgDocStore implements DocStore {
  private readonly known = new Map<string, KnownRows>();
  /** Per-document chain, so that operations on one document never interleave. */
  private readonly queue = new PerDocumentQueue();

  constructor(private readonly pool: pg.Pool) {}

  load(name: string): Promise<LoadedDoc> {
    return this.serialize(name, async () => {
      // One snapshot of the database for both reads: a compaction between them could otherwise
      // delete rows after the old snapshot was read and before the rows were.
      const { snapshot, log } = await inTransaction(
        this.pool,
        async (client) => ({
          snapshot: await client.query<{ data: Buffer }>('SELECT data FROM doc_snapshots WHERE doc = $1', [name]),
          log: await client.query<{ seq: string; data: Buffer }>('SELECT seq, data FROM doc_updates WHERE doc = $1 ORDER BY seq', [name]),
        }),
        'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
      );
      const state = snapshot.rows[0] ? decodeWhole(snapshot.rows[0].data, `snapshot of ${name}`) : [];
      const updates: Uint8Array[] = [...state];
      let logBytes = 0;
      for (const row of log.rows) {
        updates.push(...decodeWhole(row.data, `update ${row.seq} of ${name}`));
        logBytes += row.data.byteLength;
      }
      this.known.set(name, { seqs: log.rows.map((r) => r.seq), logBytes });
      return { updates, logBytes, snapshotBytes: snapshot.rows[0]?.data.byteLength ?? 0 };
    });
  }

  append(name: string, updates: Uint8Array[]): Promise<void> {
    if (updates.length === 0) return Promise.resolve();
    return this.serialize(name, async () => {
      const data = encodeRecords(updates);
      const { rows } = await this.pool.query<{ seq: string }>('INSERT INTO doc_updates (doc, data) VALUES ($1, $2) RETURNING seq', [name, data]);
      const known = this.knownOf(name);
      known.seqs.push(rows[0]!.seq);
      known.logBytes += data.byteLength;
    });
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    return this.serialize(name, async () => {
      const known = this.knownOf(name);
      const folded = [...known.seqs];
      await inTransaction(this.pool, async (client) => {
        // Another node may have compacted meanwhile, folding in rows it then deleted that this copy
        // never saw (Redis away): the stored snapshot is merged in, never replaced blindly.
        const stored = await client.query<{ data: Buffer }>('SELECT data FROM doc_snapshots WHERE doc = $1 FOR UPDATE', [name]);
        const merged = stored.rows[0] ? Y.mergeUpdates([...decodeWhole(stored.rows[0].data, `snapshot of ${name}`), state]) : state;
        await client.query(
          'INSERT INTO doc_snapshots (doc, data) VALUES ($1, $2) ON CONFLICT (doc) DO UPDATE SET data = excluded.data, updated_at = now()',
          [name, encodeRecords([merged])],
        );
        if (folded.length > 0) await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq = ANY($2::bigint[])', [name, folded]);
      });
      known.seqs = known.seqs.slice(folded.length);
      known.logBytes = 0;
    });
  }

  logBytes(name: string): number {
    return this.known.get(name)?.logBytes ?? 0;
  }

  release(name: string): Promise<void> {
    return this.serialize(name, async () => {
      this.known.delete(name);
    });
  }

  async list(): Promise<string[]> {
    const { rows } = await this.pool.query<{ doc: string }>('SELECT doc FROM doc_snapshots UNION SELECT DISTINCT doc FROM doc_updates ORDER BY doc');
    return rows.map((r) => r.doc);
  }

  delete(name: string): Promise<void> {
    return this.serialize(name, async () => {
      await inTransaction(this.pool, async (client) => {
        await client.query('DELETE FROM doc_updates WHERE doc = $1', [name]);
        await client.query('DELETE FROM doc_snapshots WHERE doc = $1', [name]);
      });
      this.known.delete(name);
    });
  }

  /** Waits for operations under way; the pool belongs to whoever made it. */
  async close(): Promise<void> {
    await this.queue.idle();
  }

  private knownOf(name: string): KnownRows {
    let known = this.known.get(name);
    if (!known) this.known.set(name, (known = { seqs: [], logBytes: 0 }));
    return known;
  }

  private serialize<T>(name: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(name, task);
  }

}

/** A stored row must decode whole: unlike the tail of a file log, no row is ever half-written. */
function decodeWhole(data: Buffer, what: string): Uint8Array[] {
  const decoded = decodeRecords(data);
  if (decoded.problem !== null) throw new Error(`${what} is corrupt: ${decoded.problem}`);
  return decoded.records;
}
