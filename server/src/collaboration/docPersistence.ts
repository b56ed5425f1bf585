import * as Y from 'yjs';
import type { DocStore } from '../storage/docStore.ts';

export interface PersistenceOptions {
  /** Group-commit window: updates arriving within it share one write and one fsync. */
  commitDelayMs: number;
  /** Compact when the log exceeds max(this, the compacted state's size). */
  compactMinLogBytes: number;
  /** First retry delay after a failed write; doubles up to `maxRetryDelayMs`. */
  retryDelayMs: number;
  maxRetryDelayMs: number;
}

export interface PersistenceLogger {
  error(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug?(obj: object, msg: string): void;
}

/**
 * Makes one document's updates durable. Updates are queued as the document emits them and written
 * in batches (group commit); a batch counts as saved only after the store's fsync. A failed write
 * keeps the batch at the head of the queue and retries with backoff, so nothing is dropped and
 * nobody is told "saved" meanwhile.
 */
export class DocPersistence {
  private pending: Uint8Array[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private retryDelay: number;
  private failing = false;
  private snapshotBytes: number;
  private idleWaiters: Array<() => void> = [];
  /** Encoded Y snapshot of the last state known durable; null until the first flush. */
  private lastSaved: Uint8Array | null = null;

  constructor(
    private readonly name: string,
    private readonly doc: Y.Doc,
    private readonly store: DocStore,
    private readonly options: PersistenceOptions,
    private readonly logger: PersistenceLogger,
    /** Called after each durable batch with its snapshot, when `wantsSnapshots()` said yes. */
    private readonly onSaved: (snapshot: Uint8Array) => void,
    private readonly wantsSnapshots: () => boolean,
    initialSnapshotBytes: number,
  ) {
    this.retryDelay = options.retryDelayMs;
    this.snapshotBytes = initialSnapshotBytes;
  }

  enqueue(update: Uint8Array): void {
    this.pending.push(update);
    if (!this.running && !this.timer && !this.failing) {
      this.timer = setTimeout(() => this.start(), this.options.commitDelayMs);
    }
  }

  get isIdle(): boolean {
    return this.pending.length === 0 && !this.running && !this.timer;
  }

  /**
   * The durable state as an encoded Y snapshot. When nothing is queued the whole in-memory document
   * is durable; otherwise it is the state of the last batch written.
   */
  savedSnapshot(): Uint8Array | null {
    if (this.isIdle && !this.failing) return Y.encodeSnapshot(Y.snapshot(this.doc));
    return this.lastSaved;
  }

  /** Resolves once everything queued so far (and since) is durable. Never rejects: it waits for recovery. */
  whenIdle(): Promise<void> {
    if (this.isIdle) return Promise.resolve();
    if (this.timer && !this.failing) {
      clearTimeout(this.timer);
      this.timer = null;
      this.start();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Writes the whole state as the new compacted base, when the log has grown past its threshold. */
  private async maybeCompact(): Promise<void> {
    const logBytes = this.store.logBytes(this.name);
    if (logBytes < Math.max(this.options.compactMinLogBytes, this.snapshotBytes)) return;
    await this.compactNow();
  }

  /** Compacts unconditionally if anything is in the log (used before a document leaves memory). */
  async compactIfLogged(): Promise<void> {
    await this.whenIdle();
    if (this.store.logBytes(this.name) === 0) return;
    this.running = this.compactNow().finally(() => {
      this.running = null;
      this.settle();
    });
    await this.running;
  }

  private async compactNow(): Promise<void> {
    // Captured synchronously: every update emitted so far is either in the log or in `pending`, and
    // both are contained in this state, so replacing the log by it loses nothing.
    const state = Y.encodeStateAsUpdate(this.doc);
    try {
      await this.store.compact(this.name, state);
      this.snapshotBytes = state.byteLength;
    } catch (err) {
      // The log is still intact; compaction is only an optimisation and is tried again later.
      this.logger.warn({ doc: this.name, err }, 'compaction failed; the update log is kept');
    }
  }

  private start(): void {
    this.timer = null;
    if (this.running) return;
    this.running = this.drain().finally(() => {
      this.running = null;
      this.settle();
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const snapshot = this.wantsSnapshots() ? Y.encodeSnapshot(Y.snapshot(this.doc)) : null;
      try {
        await this.store.append(this.name, batch);
      } catch (err) {
        this.pending = batch.concat(this.pending);
        this.failing = true;
        this.logger.error(
          { doc: this.name, err, queuedUpdates: this.pending.length, retryInMs: this.retryDelay },
          'writing document updates failed; keeping them in memory and retrying',
        );
        this.timer = setTimeout(() => {
          this.failing = false;
          this.start();
        }, this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, this.options.maxRetryDelayMs);
        return;
      }
      if (this.retryDelay !== this.options.retryDelayMs) {
        this.logger.info({ doc: this.name }, 'document writes recovered');
        this.retryDelay = this.options.retryDelayMs;
      }
      if (snapshot) {
        this.lastSaved = snapshot;
        this.onSaved(snapshot);
      }
      await this.maybeCompact();
    }
  }

  private settle(): void {
    if (this.pending.length > 0 && !this.timer && !this.failing) this.start();
    if (!this.isIdle) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
