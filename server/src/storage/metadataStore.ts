import type { Guide, Notification } from '@dalil/shared';
import { isValidDocName } from '@dalil/shared';
import { notFound } from '../domain/errors.ts';
import { FileMetadataBackend } from './fileMetadataBackend.ts';
import { ACCOUNTS_ID, type MetadataBackend, type MetadataRecord, type RecordKind, type StoredRecordData, type StoredRecordRef } from './metadataBackend.ts';
import {
  emptyAccounts,
  emptyNotifications,
  emptyThreads,
  threadsWithCurrentFields,
  emptyWorkflow,
  newGuideFile,
  withCurrentFields,
  type AccountRecords,
  type GuideFile,
  type GuideRecords,
  type NotificationRecords,
  type ThreadsFile,
  type WorkflowFile,
} from './metadataRecords.ts';

export type { AccountRecords, GuideRecords, NotificationRecords, ThreadsFile, WorkflowFile } from './metadataRecords.ts';

/**
 * What a change may touch. Each accessor marks the file it returns as changed: a change reaches
 * the records it alters through these, and only the files it asked for are written.
 */
export interface MetadataChange {
  accounts(): AccountRecords;
  /** The guide file (guide, sections, members, invitations); throws notFound('guide') when there is no such guide. */
  guide(guideId: string): GuideRecords;
  /** The guide's comment threads; throws notFound('guide') when there is no such guide. */
  threadsOf(guideId: string): ThreadsFile;
  /** The guide's workflow history; throws notFound('guide') when there is no such guide. */
  workflowOf(guideId: string): WorkflowFile;
  /** Adds a new guide (its own new files). */
  addGuide(guide: Guide): GuideRecords;
  /**
   * Removes a guide and everything recorded about it: its three files, and its notifications from
   * every person's file. Returns its records as they were.
   */
  removeGuide(guideId: string): GuideRecords;
  notificationsOf(userId: string): NotificationRecords;
}

/** What records put in place from the backend changed, for live access to follow. */
export interface ReplacedRecords {
  /** Guide records replaced (before and after; null when absent). */
  guides: Array<{ before: GuideFile | null; after: GuideFile | null }>;
  /** Sessions that no longer exist (logged out or reset elsewhere). */
  endedSessions: string[];
}

/** A guide's three records, read as one set of records. */
class StoredGuide implements GuideRecords {
  constructor(
    readonly main: MetadataRecord<GuideFile>,
    readonly threadsFile: MetadataRecord<ThreadsFile>,
    readonly workflowFile: MetadataRecord<WorkflowFile>,
  ) {}

  get records(): Array<MetadataRecord<unknown>> {
    return [this.main, this.threadsFile, this.workflowFile] as Array<MetadataRecord<unknown>>;
  }

  get guide(): Guide {
    return this.main.data.guide;
  }
  get sections() {
    return this.main.data.sections;
  }
  set sections(value) {
    this.main.data.sections = value;
  }
  get memberships() {
    return this.main.data.memberships;
  }
  set memberships(value) {
    this.main.data.memberships = value;
  }
  get invitations() {
    return this.main.data.invitations;
  }
  set invitations(value) {
    this.main.data.invitations = value;
  }
  get threads() {
    return this.threadsFile.data.threads;
  }
  set threads(value) {
    this.threadsFile.data.threads = value;
  }
  get suggestions() {
    return this.threadsFile.data.suggestions;
  }
  set suggestions(value) {
    this.threadsFile.data.suggestions = value;
  }
  get workflowEvents() {
    return this.workflowFile.data.workflowEvents;
  }
  set workflowEvents(value) {
    this.workflowFile.data.workflowEvents = value;
  }
}

/**
 * Accounts and sessions, guides with their sections, members, invitations, comment threads and
 * workflow history, and notifications, as records that change on their own: one for accounts, three
 * per guide (the guide with its sections and members, its threads, its workflow history), one per
 * person's notifications. The backend keeps each record durably (a lowdb file, or a PostgreSQL row);
 * a change costs the writing of the records it touches, whatever else is stored.
 *
 * Every change goes through `mutate`, which applies it synchronously (so no read-modify-write spans
 * an await and concurrent requests cannot lose each other's changes) and resolves once every record
 * it touched is durable with the change in it. Reads are synchronous, from memory.
 */
export class MetadataStore {
  private readonly storedGuides = new Map<string, StoredGuide>();
  private readonly notificationRecords = new Map<string, MetadataRecord<NotificationRecords>>();
  /** docName → guideId; a section never changes guide, so an entry found true stays true. */
  private readonly guideOfDocCache = new Map<string, string>();
  private readonly replacedListeners: Array<(replaced: ReplacedRecords) => void> = [];

  private constructor(
    private readonly backend: MetadataBackend,
    private readonly accountsRecord: MetadataRecord<AccountRecords>,
  ) {}

  /** Opens the embedded metadata of a data dir, first moving a single-file metadata.json to its layout. */
  static open(dataDir: string): Promise<MetadataStore> {
    return MetadataStore.openOn(new FileMetadataBackend(dataDir));
  }

  /** Reads every record the backend holds into memory. */
  static async openOn(backend: MetadataBackend): Promise<MetadataStore> {
    const loaded = await backend.load();
    const byKind = (kind: RecordKind) => loaded.filter((r) => r.kind === kind);
    const storedAccounts = byKind('accounts')[0];
    const accounts: MetadataRecord<AccountRecords> = { kind: 'accounts', id: ACCOUNTS_ID, data: (storedAccounts?.data as AccountRecords | undefined) ?? emptyAccounts() };
    const store = new MetadataStore(backend, accounts);

    const threadsById = new Map(byKind('threads').map((r) => [r.id, r]));
    const workflowById = new Map(byKind('workflow').map((r) => [r.id, r]));
    for (const main of byKind('guide')) {
      const threads = threadsById.get(main.id)?.data as ThreadsFile | undefined;
      const workflow = workflowById.get(main.id)?.data as WorkflowFile | undefined;
      store.storedGuides.set(
        main.id,
        new StoredGuide(
          { kind: 'guide', id: main.id, data: withCurrentFields(main.data as GuideFile) },
          { kind: 'threads', id: main.id, data: threads ? threadsWithCurrentFields(threads) : emptyThreads() },
          { kind: 'workflow', id: main.id, data: workflow ?? emptyWorkflow() },
        ),
      );
    }
    for (const { id, data } of byKind('notifications') as StoredRecordData[]) {
      store.notificationRecords.set(id, { kind: 'notifications', id, data: data as NotificationRecords });
    }
    backend.onReloaded((records) => store.replaceRecords(records));
    return store;
  }

  /**
   * Told when records are put in place from the backend (another node's change, a record read
   * back): what live sockets may do has to follow (see collaboration/followReplacedRecords.ts).
   */
  onReplaced(listener: (replaced: ReplacedRecords) => void): void {
    this.replacedListeners.push(listener);
  }

  /** Puts stored records in place of those in memory (`data` null: there is none any more). */
  private replaceRecords(records: StoredRecordRef[]): void {
    const guideIds = records.filter((r) => r.kind === 'guide').map((r) => r.id);
    const before = guideIds.map((id) => this.storedGuides.get(id)?.main.data ?? null);
    const sessionsBefore = new Set(this.accountsRecord.data.sessions.map((s) => s.tokenHash));
    this.putRecords(records);
    const replaced: ReplacedRecords = {
      guides: guideIds.map((id, i) => ({ before: before[i]!, after: this.storedGuides.get(id)?.main.data ?? null })),
      endedSessions: [],
    };
    const sessionsAfter = new Set(this.accountsRecord.data.sessions.map((s) => s.tokenHash));
    replaced.endedSessions = [...sessionsBefore].filter((hash) => !sessionsAfter.has(hash));
    for (const listener of this.replacedListeners) listener(replaced);
  }

  private putRecords(records: StoredRecordRef[]): void {
    for (const { kind, id, data } of records) {
      if (kind === 'accounts') {
        this.accountsRecord.data = (data as AccountRecords | null) ?? emptyAccounts();
      } else if (kind === 'notifications') {
        if (data === null) this.notificationRecords.delete(id);
        else this.notificationRecords.set(id, { kind, id, data: data as NotificationRecords });
      } else if (kind === 'guide') {
        const stored = this.storedGuides.get(id);
        if (data === null) {
          this.storedGuides.delete(id);
          for (const [docName, guideId] of this.guideOfDocCache) if (guideId === id) this.guideOfDocCache.delete(docName);
        } else if (stored) {
          stored.main.data = withCurrentFields(data as GuideFile);
        } else {
          this.storedGuides.set(
            id,
            new StoredGuide({ kind: 'guide', id, data: withCurrentFields(data as GuideFile) }, { kind: 'threads', id, data: emptyThreads() }, { kind: 'workflow', id, data: emptyWorkflow() }),
          );
        }
      } else {
        const stored = this.storedGuides.get(id);
        if (!stored) continue; // the guide's record comes first in a reload; without it these belong to nothing
        if (kind === 'threads') stored.threadsFile.data = data ? threadsWithCurrentFields(data as ThreadsFile) : emptyThreads();
        else stored.workflowFile.data = (data as WorkflowFile | null) ?? emptyWorkflow();
      }
    }
  }

  // ---- reads (from memory; change nothing they return outside `mutate`) ----

  get accounts(): Readonly<AccountRecords> {
    return this.accountsRecord.data;
  }

  guide(guideId: string): Readonly<GuideRecords> | undefined {
    return this.storedGuides.get(guideId);
  }

  guides(): IterableIterator<Readonly<GuideRecords>> {
    return this.storedGuides.values();
  }

  /** The guide one of whose sections is stored under `docName`. */
  guideOfDoc(docName: string): Readonly<GuideRecords> | undefined {
    const cached = this.guideOfDocCache.get(docName);
    if (cached !== undefined) {
      const records = this.guide(cached);
      if (records?.sections.some((s) => s.docName === docName)) return records;
    }
    for (const records of this.guides()) {
      if (records.sections.some((s) => s.docName === docName)) {
        this.guideOfDocCache.set(docName, records.guide.id);
        return records;
      }
    }
    return undefined;
  }

  notificationsOf(userId: string): readonly Notification[] {
    return this.notificationRecords.get(userId)?.data.notifications ?? [];
  }

  // ---- changes ----

  mutate<T>(change: (records: MetadataChange) => T): Promise<T> {
    const touched = new Set<MetadataRecord>();
    const mark = <R>(record: MetadataRecord<R>): R => {
      touched.add(record as MetadataRecord);
      return record.data;
    };
    const removed: StoredGuide[] = [];
    const records: MetadataChange = {
      accounts: () => mark(this.accountsRecord),
      guide: (guideId) => {
        const stored = this.stored(guideId);
        mark(stored.main);
        return stored;
      },
      threadsOf: (guideId) => mark(this.stored(guideId).threadsFile),
      workflowOf: (guideId) => mark(this.stored(guideId).workflowFile),
      addGuide: (guide) => {
        if (!isValidDocName(guide.id) || this.storedGuides.has(guide.id)) throw new Error(`guide id ${guide.id} cannot be used`);
        const stored = new StoredGuide(
          { kind: 'guide', id: guide.id, data: newGuideFile(guide) },
          { kind: 'threads', id: guide.id, data: emptyThreads() },
          { kind: 'workflow', id: guide.id, data: emptyWorkflow() },
        );
        this.storedGuides.set(guide.id, stored);
        mark(stored.main);
        return stored;
      },
      notificationsOf: (userId) => {
        let record = this.notificationRecords.get(userId);
        if (!record) {
          if (!isValidDocName(userId)) throw new Error(`user id ${userId} cannot name a notifications record`);
          record = { kind: 'notifications', id: userId, data: emptyNotifications() };
          this.notificationRecords.set(userId, record);
        }
        return mark(record);
      },
      removeGuide: (guideId) => {
        const stored = this.stored(guideId);
        this.storedGuides.delete(guideId);
        for (const [docName, id] of this.guideOfDocCache) if (id === guideId) this.guideOfDocCache.delete(docName);
        for (const [, record] of this.notificationRecords) {
          if (record.data.notifications.some((n) => n.guideId === guideId)) {
            mark(record).notifications = record.data.notifications.filter((n) => n.guideId !== guideId);
          }
        }
        removed.push(stored);
        return stored;
      },
    };
    let result: T;
    try {
      result = change(records);
    } catch (err) {
      // Changes check before they alter anything; whatever was altered anyway reaches the disk.
      this.backend.persist([...touched]).catch(() => {});
      throw err;
    }
    const altered = [...touched, ...removed.flatMap((stored) => stored.records)];
    const refusal = this.backend.refuse(altered);
    if (refusal) return Promise.reject(refusal);
    const written = touched.size > 0 ? this.backend.persist([...touched]) : Promise.resolve();
    return written
      .then(() => Promise.all(removed.map((stored) => this.backend.remove(stored.records))))
      .then(
        () => result,
        (err: unknown) => {
          this.backend.failed(altered);
          throw err;
        },
      );
  }

  /** Resolves when everything changed so far is durable. */
  flush(): Promise<void> {
    return this.backend.flush();
  }

  close(): Promise<void> {
    return this.backend.close();
  }

  private stored(guideId: string): StoredGuide {
    const stored = this.storedGuides.get(guideId);
    if (!stored) throw notFound('guide');
    return stored;
  }
}
