import type pg from 'pg';
import type { MetadataBackend, MetadataRecord, RecordKind, StoredRecordData, StoredRecordRef } from '../metadataBackend.ts';
import { Conflict } from '../../domain/errors.ts';
import { databaseUnavailable, isDatabaseUnreachable } from './pgErrors.ts';
import { inTransaction, type PoolLogger } from './pgPool.ts';

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** A row that another node wrote since this node read it. */
class StaleRecord extends Error {}

const keyOf = (kind: RecordKind, id: string) => `${kind}/${id}`;

/** A record as committed, for the other nodes' copies: `json` null when it was removed. */
export interface CommittedRecord {
  kind: RecordKind;
  id: string;
  version: number;
  json: string | null;
}

/**
 * Metadata records as rows of `metadata_records`, one per record, written by group commit: the
 * records changed while a transaction is in flight are written together by the next one, so a
 * burst of changes costs a few transactions, not one each. A change is acknowledged once its
 * transaction has committed (with `synchronous_commit` on, once the WAL is flushed).
 *
 * Each row carries a version; a write names the version it was made from, so a node writing from
 * a stale copy is refused instead of overwriting another node's change. After any failed write the
 * records in memory may hold changes that were refused or whose fate is unknown (the connection
 * dropped around the COMMIT): the backend then refuses changes, reads those records back once the
 * database answers, puts them in place of the copies in memory, and accepts changes again. What a
 * person was told failed never comes back later, and what was stored is never overwritten.
 */
export class PgMetadataBackend implements MetadataBackend {
  private readonly versions = new Map<string, number>();
  private dirty = new Set<MetadataRecord>();
  private waiters: Waiter[] = [];
  private writing: Promise<void> | null = null;
  /** Records whose copy in memory may differ from the stored one; non-empty means "recovering". */
  private readonly suspect = new Map<string, { kind: RecordKind; id: string }>();
  private recovering: Promise<void> | null = null;
  private apply: (records: StoredRecordRef[]) => void = () => {};
  private closed = false;
  private readonly inFlight = new Set<string>();
  /** Told after each commit what it wrote, in commit order (several nodes: the others' copies follow). */
  committed: ((records: CommittedRecord[]) => void) | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly logger: PoolLogger,
    private readonly retryDelayMs = 500,
  ) {}

  async load(): Promise<StoredRecordData[]> {
    const { rows } = await this.pool.query<{ kind: RecordKind; id: string; data: unknown; version: string }>('SELECT kind, id, data, version FROM metadata_records');
    for (const row of rows) this.versions.set(keyOf(row.kind, row.id), Number(row.version));
    return rows.map(({ kind, id, data }) => ({ kind, id, data }));
  }

  onReloaded(apply: (records: StoredRecordRef[]) => void): void {
    this.apply = apply;
  }

  refusal(): Error | null {
    return this.suspect.size > 0 ? databaseUnavailable() : null;
  }

  persist(records: readonly MetadataRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    for (const record of records) this.dirty.add(record);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.writing) this.writing = this.writeLoop();
    return done;
  }

  async remove(records: readonly MetadataRecord[]): Promise<void> {
    await this.flush();
    await inTransaction(this.pool, async (client) => {
      for (const { kind, id } of records) await client.query('DELETE FROM metadata_records WHERE kind = $1 AND id = $2', [kind, id]);
    }).catch((err: unknown) => {
      throw isDatabaseUnreachable(err) ? databaseUnavailable() : err;
    });
    for (const { kind, id } of records) this.versions.delete(keyOf(kind, id));
    this.committed?.(records.map(({ kind, id }) => ({ kind, id, version: 0, json: null })));
  }

  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  /**
   * Records another node committed: put in place of this node's copies when newer. A record with a
   * change of this node waiting or in flight is left alone: that write fails on the version check
   * and the record is then read back (see `recover`).
   */
  applyShared(records: readonly CommittedRecord[]): void {
    const busy = new Set([...this.inFlight, ...[...this.dirty].map((r) => keyOf(r.kind, r.id))]);
    const fresh: StoredRecordRef[] = [];
    for (const record of records) {
      const key = keyOf(record.kind, record.id);
      if (busy.has(key) || this.suspect.has(key)) continue;
      if (record.json === null) {
        if (!this.versions.has(key)) continue;
        this.versions.delete(key);
        fresh.push({ kind: record.kind, id: record.id, data: null });
      } else if ((this.versions.get(key) ?? 0) < record.version) {
        this.versions.set(key, record.version);
        fresh.push({ kind: record.kind, id: record.id, data: JSON.parse(record.json) });
      }
    }
    if (fresh.length > 0) this.apply(sortGuidesFirst(fresh));
  }

  /**
   * After the link between nodes was down (changes of other nodes may have been missed): reads back
   * every record whose stored version differs from this node's copy, and forgets removed ones.
   */
  async catchUp(): Promise<number> {
    const { rows } = await this.pool.query<{ kind: RecordKind; id: string; version: string }>('SELECT kind, id, version FROM metadata_records');
    const stored = new Map(rows.map((r) => [keyOf(r.kind, r.id), r]));
    const stale: Array<{ kind: RecordKind; id: string }> = [];
    for (const row of rows) if (this.versions.get(keyOf(row.kind, row.id)) !== Number(row.version)) stale.push({ kind: row.kind, id: row.id });
    for (const key of this.versions.keys()) {
      if (!stored.has(key)) {
        const [kind, ...rest] = key.split('/');
        stale.push({ kind: kind as RecordKind, id: rest.join('/') });
      }
    }
    if (stale.length > 0) this.apply(await this.read(stale));
    return stale.length;
  }

  private async writeLoop(): Promise<void> {
    while (this.dirty.size > 0) {
      const batch = [...this.dirty];
      this.dirty = new Set();
      const waiters = this.waiters;
      this.waiters = [];
      const rows = batch.map((r) => ({ kind: r.kind, id: r.id, json: JSON.stringify(r.data), from: this.versions.get(keyOf(r.kind, r.id)) ?? 0 }));
      for (const row of rows) this.inFlight.add(keyOf(row.kind, row.id));
      try {
        await inTransaction(this.pool, async (client) => {
          for (const row of rows) {
            const result =
              row.from === 0
                ? await client.query('INSERT INTO metadata_records (kind, id, data, version) VALUES ($1, $2, $3::json, 1) ON CONFLICT DO NOTHING', [row.kind, row.id, row.json])
                : await client.query('UPDATE metadata_records SET data = $3::json, version = version + 1, updated_at = now() WHERE kind = $1 AND id = $2 AND version = $4', [
                    row.kind,
                    row.id,
                    row.json,
                    row.from,
                  ]);
            if (result.rowCount !== 1) throw new StaleRecord(`${row.kind} ${row.id} was changed elsewhere`);
          }
        });
        for (const row of rows) this.versions.set(keyOf(row.kind, row.id), row.from + 1);
        this.inFlight.clear();
        // before the waiters resume: what they announce next reaches other nodes after the records
        this.committed?.(rows.map((row) => ({ kind: row.kind, id: row.id, version: row.from + 1, json: row.json })));
        for (const w of waiters) w.resolve();
      } catch (err) {
        this.inFlight.clear();
        // Everything not yet written rests on what failed: it fails with it.
        const failed = [...batch, ...this.dirty];
        const allWaiters = [...waiters, ...this.waiters];
        this.dirty = new Set();
        this.waiters = [];
        for (const r of failed) this.suspect.set(keyOf(r.kind, r.id), { kind: r.kind, id: r.id });
        const reason =
          err instanceof StaleRecord
            ? new Conflict('changed_elsewhere', 'Someone else changed this at the same moment; nothing was changed. Try again.')
            : isDatabaseUnreachable(err)
              ? databaseUnavailable()
              : err;
        if (!(err instanceof StaleRecord)) this.logger.warn({ err: (err as Error).message }, 'writing metadata to the database failed');
        for (const w of allWaiters) w.reject(reason);
        this.recover();
      }
    }
    this.writing = null;
  }

  /** Reads the suspect records back (retrying while the database is away) and accepts changes again. */
  private recover(): void {
    if (this.recovering) return;
    this.recovering = (async () => {
      while (this.suspect.size > 0 && !this.closed) {
        const refs = [...this.suspect.values()];
        try {
          const fresh = await this.read(refs);
          this.apply(fresh);
          for (const ref of refs) this.suspect.delete(keyOf(ref.kind, ref.id));
        } catch (err) {
          if (!isDatabaseUnreachable(err)) this.logger.warn({ err: (err as Error).message }, 'reading metadata back failed');
          await new Promise((resolve) => setTimeout(resolve, this.retryDelayMs));
        }
      }
      this.recovering = null;
    })();
  }

  /** The stored data of each record (null when there is none), guide records first. */
  private async read(refs: ReadonlyArray<{ kind: RecordKind; id: string }>): Promise<StoredRecordRef[]> {
    const { rows } = await this.pool.query<{ kind: RecordKind; id: string; data: unknown; version: string }>(
      'SELECT kind, id, data, version FROM metadata_records WHERE (kind, id) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
      [refs.map((r) => r.kind), refs.map((r) => r.id)],
    );
    const found = new Map(rows.map((row) => [keyOf(row.kind, row.id), row]));
    return sortGuidesFirst([...refs]).map(({ kind, id }) => {
        const row = found.get(keyOf(kind, id));
        if (row) this.versions.set(keyOf(kind, id), Number(row.version));
        else this.versions.delete(keyOf(kind, id));
        return { kind, id, data: row ? row.data : null };
      });
  }
}

/** A guide's record before its threads and workflow: the store attaches those to the guide. */
function sortGuidesFirst<T extends { kind: RecordKind }>(records: T[]): T[] {
  const order = (kind: RecordKind) => (kind === 'guide' ? 0 : 1);
  return records.sort((a, b) => order(a.kind) - order(b.kind));
}
