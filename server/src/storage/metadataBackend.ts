/**
 * Where the metadata records are kept durably. The MetadataStore holds every record in memory and
 * answers reads from there; a backend only loads them at start and writes the ones a change touched.
 * The embedded backend keeps one lowdb JSON file per record (fileMetadataBackend.ts); the production
 * one keeps one row per record in PostgreSQL (postgres/pgMetadataBackend.ts).
 */

/** The things that change on their own, each one record. */
export type RecordKind = 'accounts' | 'guide' | 'threads' | 'workflow' | 'notifications';

/** The one accounts record's id. */
export const ACCOUNTS_ID = 'accounts';

/** A record as the store holds it. Its `data` object is changed in place by `mutate`. */
export interface MetadataRecord<T = unknown> {
  readonly kind: RecordKind;
  readonly id: string;
  data: T;
}

export interface StoredRecordRef {
  kind: RecordKind;
  id: string;
  data: unknown | null;
}

export interface StoredRecordData {
  kind: RecordKind;
  id: string;
  data: unknown;
}

export interface MetadataBackend {
  /** Every stored record, read once at start. */
  load(): Promise<StoredRecordData[]>;
  /**
   * Makes the records durable as they are in memory when written (writes of one record coalesce:
   * a burst of changes costs at most two writes). Resolves once a write holding every change made
   * before the call is durable; rejects if it failed.
   */
  persist(records: readonly MetadataRecord[]): Promise<void>;
  /** Removes records for good (a deleted guide's three). Resolves once the removal is durable. */
  remove(records: readonly MetadataRecord[]): Promise<void>;
  /** Resolves when everything persisted so far is durable. */
  flush(): Promise<void>;
  /**
   * The error a change that altered these records in memory must be refused with instead of being
   * written, or null. A backend whose write failed refuses changes to the records concerned until
   * they are the stored ones again (and reads back what the refused change altered).
   */
  refuse(records: readonly MetadataRecord[]): Error | null;
  /** A change altered these records in memory and could not be made durable: read them back. */
  failed(records: readonly MetadataRecord[]): void;
  /**
   * Registers how the store replaces records that turned out to differ from what is stored (a write
   * that failed or was refused, a change made by another node): `data` null means there is none.
   */
  onReloaded(apply: (records: StoredRecordRef[]) => void): void;
  close(): Promise<void>;
}
