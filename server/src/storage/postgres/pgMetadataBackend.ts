import type pg from 'pg';
import type { MetadataBackend, MetadataRecord, RecordKind, StoredRecordData, StoredRecordRef } from '../metadataBackend.ts';
import { Conflict } from '../../domain/errors.ts';
import { commitUncertain, databaseUnavailable, isDatabaseUnreachable } from './pgErrors.ts';
import { inTransaction, type PoolLogger } from './pgPool.ts';

const keyOf = (kind: RecordKind, id: string) => `${kind}/${id}`;

/** A record as committed, for the other nodes' copies: `json` null when it was removed. */
export interface CommittedRecord {
  kind: RecordKind;
  id: string;
  version: number;
  json: string | null;
}

interface Row {
  kind: RecordKind;
  id: string;
  key: string;
  /** The record as this change left it (taken when the change was made, not when written). */
  json: string;
}

/** One change's records, written together or not at all. */
interface Entry {
  rows: Row[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

type Outcome = 'ok' | 'stale' | 'follows';

const changedElsewhere = () => new Conflict('changed_elsewhere', 'Someone changed this on another server at the same moment; nothing was changed. Try again.');

/**
 * Metadata records as rows of `metadata_records`, one per record, each with a version counted by
 * its writes. Changes are written by group commit: those made while a transaction is in flight go
 * together into the next one, each in its own savepoint with the records as that change left them.
 * A change is acknowledged once its transaction committed (with `synchronous_commit` on, once the
 * WAL is flushed).
 *
 * A write names the version it was made from. A node writing from a stale copy (another node
 * changed the record) has that change refused (409), and with it the later changes of the batch
 * built on the same records; other changes of the batch commit. Records whose copy in memory may
 * differ from the stored one (a refused change, a failed or uncertain commit) are "suspect": read
 * back as soon as the database answers and put in place, and meanwhile a change that touches one
 * is refused. What a person was told failed never comes back later, and a stored change is never
 * overwritten.
 */
export class PgMetadataBackend implements MetadataBackend {
  private readonly versions = new Map<string, number>();
  private queue: Entry[] = [];
  private writing: Promise<void> | null = null;
  /** Keys of records queued or in flight: their copy here is ahead of the database on purpose. */
  private readonly busy = new Map<string, number>();
  private readonly suspect = new Map<string, { kind: RecordKind; id: string }>();
  /** Suspect records another node changed while they were being read back: read them again. */
  private readonly readAgain = new Set<string>();
  /** The JSON of a failed commit per record: if it reads back equal, the commit did happen. */
  private readonly attempted = new Map<string, string>();
  private suspicion: 'conflict' | 'unreachable' = 'conflict';
  private recovering: Promise<void> | null = null;
  private apply: (records: StoredRecordRef[]) => void = () => {};
  private closed = false;
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

  refuse(records: readonly MetadataRecord[]): Error | null {
    if (!records.some((r) => this.suspect.has(keyOf(r.kind, r.id)))) return null;
    // what the change did in memory goes with the records when they are read back
    this.markSuspect(records);
    return this.suspicion === 'unreachable' ? databaseUnavailable() : changedElsewhere();
  }

  failed(records: readonly MetadataRecord[]): void {
    this.markSuspect(records);
  }

  persist(records: readonly MetadataRecord[]): Promise<void> {
    if (records.length === 0) return Promise.resolve();
    const rows = records.map((r) => ({ kind: r.kind, id: r.id, key: keyOf(r.kind, r.id), json: JSON.stringify(r.data) }));
    for (const row of rows) this.busy.set(row.key, (this.busy.get(row.key) ?? 0) + 1);
    const done = new Promise<void>((resolve, reject) => this.queue.push({ rows, resolve, reject }));
    if (!this.writing) this.writing = this.writeLoop();
    return done;
  }

  async remove(records: readonly MetadataRecord[]): Promise<void> {
    await this.flush();
    await inTransaction(this.pool, async (client) => {
      for (const { kind, id } of records) await client.query('DELETE FROM metadata_records WHERE kind = $1 AND id = $2', [kind, id]);
    }).catch((err: unknown) => {
      throw isDatabaseUnreachable(err) ? commitUncertain() : err;
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
   * change of this node queued or in flight is left alone: that write fails on the version check
   * and the record is then read back. A suspect one is read (again) by the recovery.
   */
  applyShared(records: readonly CommittedRecord[]): void {
    const fresh: StoredRecordRef[] = [];
    for (const record of records) {
      const key = keyOf(record.kind, record.id);
      if (this.suspect.has(key)) {
        this.readAgain.add(key);
        continue;
      }
      if (this.busy.has(key)) continue;
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
   * Changes of other nodes may have been missed (the link between nodes was down, or this node
   * just started): every record whose stored version differs from this node's copy is marked
   * suspect and read back (records with a change of this node under way are left to their write).
   * Resolves once they are in place; rejects if the database cannot be read.
   */
  async catchUp(): Promise<number> {
    const { rows } = await this.pool.query<{ kind: RecordKind; id: string; version: string }>('SELECT kind, id, version FROM metadata_records');
    const stored = new Set<string>();
    const stale: Array<{ kind: RecordKind; id: string }> = [];
    for (const row of rows) {
      const key = keyOf(row.kind, row.id);
      stored.add(key);
      if (this.versions.get(key) !== Number(row.version) && !this.busy.has(key)) stale.push({ kind: row.kind, id: row.id });
    }
    for (const key of this.versions.keys()) {
      if (stored.has(key) || this.busy.has(key)) continue;
      const [kind, ...rest] = key.split('/');
      stale.push({ kind: kind as RecordKind, id: rest.join('/') });
    }
    if (stale.length === 0) return 0;
    for (const ref of stale) this.suspect.set(keyOf(ref.kind, ref.id), ref);
    this.recover();
    while (this.recovering) await this.recovering;
    return stale.length;
  }

  private markSuspect(records: ReadonlyArray<{ kind: RecordKind; id: string }>): void {
    for (const { kind, id } of records) this.suspect.set(keyOf(kind, id), { kind, id });
    this.recover();
  }

  private async writeLoop(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const outcomes: Outcome[] = [];
      const versions = new Map<string, number>();
      const failedKeys = new Set<string>();
      const versionOf = (key: string) => versions.get(key) ?? this.versions.get(key) ?? 0;
      try {
        await inTransaction(this.pool, async (client) => {
          for (const entry of batch) {
            if (entry.rows.some((row) => failedKeys.has(row.key) || this.suspect.has(row.key))) {
              outcomes.push('follows');
              for (const row of entry.rows) failedKeys.add(row.key);
              continue;
            }
            await client.query('SAVEPOINT change');
            const advanced: Array<[string, number | undefined]> = [];
            let ok = true;
            for (const row of entry.rows) {
              const from = versionOf(row.key);
              const result =
                from === 0
                  ? await client.query('INSERT INTO metadata_records (kind, id, data, version) VALUES ($1, $2, $3::json, 1) ON CONFLICT DO NOTHING', [row.kind, row.id, row.json])
                  : await client.query('UPDATE metadata_records SET data = $3::json, version = version + 1, updated_at = now() WHERE kind = $1 AND id = $2 AND version = $4', [
                      row.kind,
                      row.id,
                      row.json,
                      from,
                    ]);
              if (result.rowCount !== 1) {
                ok = false;
                break;
              }
              advanced.push([row.key, versions.get(row.key)]);
              versions.set(row.key, from + 1);
            }
            if (ok) {
              await client.query('RELEASE SAVEPOINT change');
              outcomes.push('ok');
            } else {
              await client.query('ROLLBACK TO SAVEPOINT change');
              for (const [key, before] of advanced.reverse()) {
                if (before === undefined) versions.delete(key);
                else versions.set(key, before);
              }
              for (const row of entry.rows) failedKeys.add(row.key);
              outcomes.push('stale');
            }
          }
        });
      } catch (err) {
        // The whole batch failed, or its COMMIT's fate is unknown (the connection dropped).
        const unreachable = isDatabaseUnreachable(err);
        this.logger.warn({ err: (err as Error).message }, 'writing metadata to the database failed');
        for (const entry of batch) for (const row of entry.rows) this.attempted.set(row.key, row.json);
        this.settle(batch);
        this.suspicion = unreachable ? 'unreachable' : 'conflict';
        this.markSuspect(batch.flatMap((e) => e.rows));
        for (const entry of batch) entry.reject(unreachable ? commitUncertain() : err);
        continue;
      }
      for (const [key, version] of versions) this.versions.set(key, version);
      this.settle(batch);
      // The records as committed, the last write of each, before the waiters resume: what they
      // announce next reaches other nodes after the records.
      const last = new Map<string, CommittedRecord>();
      batch.forEach((entry, i) => {
        if (outcomes[i] !== 'ok') return;
        for (const row of entry.rows) last.set(row.key, { kind: row.kind, id: row.id, version: versions.get(row.key)!, json: row.json });
      });
      if (last.size > 0) this.committed?.([...last.values()]);
      if (failedKeys.size > 0) {
        this.suspicion = 'conflict';
        this.markSuspect(batch.filter((_, i) => outcomes[i] !== 'ok').flatMap((e) => e.rows));
      }
      batch.forEach((entry, i) => (outcomes[i] === 'ok' ? entry.resolve() : entry.reject(changedElsewhere())));
    }
    this.writing = null;
  }

  /** The batch's records are no longer queued or in flight. */
  private settle(batch: readonly Entry[]): void {
    for (const entry of batch) {
      for (const row of entry.rows) {
        const left = (this.busy.get(row.key) ?? 1) - 1;
        if (left > 0) this.busy.set(row.key, left);
        else this.busy.delete(row.key);
      }
    }
  }

  /**
   * Reads the suspect records back (retrying while the database is away) and puts them in place.
   * A failed commit whose records read back as attempted did happen: it is published then.
   */
  private recover(): void {
    if (this.recovering) return;
    this.recovering = (async () => {
      while (this.suspect.size > 0 && !this.closed) {
        // a suspect record with a write still queued waits for it (the write fails or follows)
        if (this.writing) await this.writing;
        const refs = [...this.suspect.values()];
        this.readAgain.clear();
        try {
          const fresh = await this.read(refs);
          const happened: CommittedRecord[] = [];
          for (const ref of fresh) {
            const key = keyOf(ref.kind, ref.id);
            const tried = this.attempted.get(key);
            if (tried !== undefined && ref.data !== null && JSON.stringify(ref.data) === tried) happened.push({ kind: ref.kind, id: ref.id, version: this.versions.get(key)!, json: tried });
            this.attempted.delete(key);
          }
          this.apply(fresh);
          if (happened.length > 0) this.committed?.(happened);
          for (const ref of refs) {
            const key = keyOf(ref.kind, ref.id);
            if (!this.readAgain.has(key)) this.suspect.delete(key);
          }
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
