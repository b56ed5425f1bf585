import type { DocumentHold, HeldDocStore } from '../storage/heldDocStore.ts';
import type { JsonNode } from './convertDocx.ts';
import type { ImportJournal } from './importJournal.ts';
import { sectionUpdate, writeSectionDocuments } from './sectionDocument.ts';

export interface DocumentsAfterCommitLogger {
  error(obj: object, msg: string): void;
}

const STOPPING = () => new Error('the server is stopping before this imported section was written; it will be at its next start');

/** Tries after which the sections' readers get an error instead of waiting (100 + 200 + 400 + 800 + 1600 ms of pauses). */
const REFUSE_AFTER_ATTEMPTS = 6;

/** The documents of one import, held from before its commit until they are written. */
export interface ReservedDocuments {
  /**
   * The commit is durable: writes the documents from their content, and `alsoDurable` (what else
   * the journal holds: the images' files, to sync), then ends the journal; with `keepJournal` (a
   * commit that reached memory but maybe not the disk) the journal stays, for the next start to
   * settle against what the disk says.
   */
  write(journalId: string, documents: Array<[docName: string, blocks: JsonNode[]]>, options?: { keepJournal?: boolean; alsoDurable?: () => Promise<void> }): void;
  /** The commit failed: nothing to write, nobody to keep waiting. */
  cancel(): void;
}

/**
 * Writes a new guide's section documents after its import committed (embedded store, one node).
 * The import's reply then waits for one durable write of its journal, which carries the content,
 * instead of fifty document files: what made an import twice as slow as mammoth's reading of the
 * same file. Until they are written the documents are held (every load, edit or deletion of one
 * waits: `HeldDocStore`), so nobody ever sees a section empty; a failed write is tried again
 * (100 ms, doubling up to 5 s; after ≈ 3 s of failures opening one fails with an error instead of
 * waiting), and a process that stops first leaves the journal, from which the next start writes
 * them (`ImportJournal.settle`).
 */
export class DocumentsAfterCommit {
  private readonly writing = new Set<Promise<void>>();
  private closing = false;
  /** Ends the waits between two tries, so that a close does not wait for them. */
  private readonly waits = new Set<() => void>();

  constructor(
    private readonly store: HeldDocStore,
    private readonly journal: ImportJournal,
    private readonly log: DocumentsAfterCommitLogger,
    private readonly retry = { firstDelayMs: 100, maxDelayMs: 5000 },
  ) {}

  /** Holds `docNames`: call before the commit makes them visible. */
  reserve(docNames: string[]): ReservedDocuments {
    const hold = this.store.hold(docNames);
    return {
      cancel: () => hold.release(),
      write: (journalId, documents, options = {}) => {
        if (this.closing) {
          // The server is stopping: the journal stays, and the next start writes them.
          hold.refuse(STOPPING());
          return;
        }
        const run = this.writeUntilDone(journalId, documents, hold, options).then((written) => {
          if (written) hold.release();
          // Given up because the server is stopping: whoever waits is told so, and the next start
          // writes them from the journal.
          else hold.refuse(STOPPING());
        });
        this.writing.add(run);
        void run.finally(() => this.writing.delete(run));
      },
    };
  }

  /** Resolves once every import's documents under way are written (or given up at close). */
  async idle(): Promise<void> {
    while (this.writing.size > 0) await Promise.all([...this.writing]);
  }

  /** Stops trying again after a failure and waits for the writes under way. */
  async close(): Promise<void> {
    this.closing = true;
    for (const wake of this.waits) wake();
    await this.idle();
  }

  private async writeUntilDone(
    journalId: string,
    documents: Array<[string, JsonNode[]]>,
    hold: DocumentHold,
    { keepJournal = false, alsoDurable }: { keepJournal?: boolean; alsoDurable?: () => Promise<void> },
  ): Promise<boolean> {
    let delayMs = this.retry.firstDelayMs;
    for (let attempt = 1; ; attempt++) {
      // Failing for a while (≈ 3 s): whoever opens these sections is told, rather than kept waiting.
      if (attempt === REFUSE_AFTER_ATTEMPTS) hold.refuse(new Error('this imported section cannot be written to disk yet; trying again'));
      try {
        if (attempt === 1) await writeSectionDocuments(this.store.inner, documents);
        // Some may have been written by the failed batch: nobody has read them (held), so each is
        // simply written again.
        else for (const [name, blocks] of documents) await this.store.inner.compact(name, sectionUpdate(blocks));
        await alsoDurable?.();
        if (!keepJournal) await this.journal.end(journalId, true);
        return true;
      } catch (err) {
        this.log.error({ err, journal: journalId, attempt }, 'writing the documents of an imported guide failed; trying again');
        if (this.closing) return false;
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            this.waits.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, delayMs);
          this.waits.add(wake);
        });
        delayMs = Math.min(delayMs * 2, this.retry.maxDelayMs);
        if (this.closing) return false;
      }
    }
  }
}
