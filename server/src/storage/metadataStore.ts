import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Guide, Notification } from '@dalil/shared';
import { isValidDocName } from '@dalil/shared';
import { notFound } from '../domain/errors.ts';
import {
  ACCOUNTS_FILE,
  GUIDE_METADATA_DIR,
  METADATA_DIR,
  METADATA_FILE_EXT,
  METADATA_SUBDIRS,
  NOTIFICATIONS_DIR,
  TEMP_EXT,
  THREADS_DIR,
  WORKFLOW_DIR,
} from './dataDirLayout.ts';
import { fileExists, fsyncDir } from './durableFile.ts';
import { MetadataFile } from './metadataFile.ts';
import { migrateSingleFileMetadata } from './metadataMigration.ts';
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

/** A guide's three files, read as one set of records. */
class StoredGuide implements GuideRecords {
  constructor(
    readonly main: MetadataFile<GuideFile>,
    readonly threadsFile: MetadataFile<ThreadsFile>,
    readonly workflowFile: MetadataFile<WorkflowFile>,
  ) {}

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
 * workflow history, and notifications: in lowdb JSON files under `metadata/` (see dataDirLayout.ts),
 * three per guide (the guide with its sections and members, its threads, its workflow history), one
 * per person's notifications, one for accounts. A change costs the writing of the files it touches,
 * whatever else is stored: every file is written, fsynced and coalesced on its own.
 *
 * Every change goes through `mutate`, which applies it synchronously (so no read-modify-write spans
 * an await and concurrent requests cannot lose each other's changes) and resolves once every file
 * it touched has been written and fsynced with the change in it. Reads are synchronous, from memory.
 */
export class MetadataStore {
  private readonly storedGuides = new Map<string, StoredGuide>();
  private readonly notificationFiles = new Map<string, MetadataFile<NotificationRecords>>();
  /** docName → guideId; a section never changes guide, so an entry found true stays true. */
  private readonly guideOfDocCache = new Map<string, string>();

  private constructor(
    private readonly dir: string,
    private readonly accountsFile: MetadataFile<AccountRecords>,
  ) {}

  /** Opens the metadata of a data dir, first moving a single-file metadata.json to this layout. */
  static async open(dataDir: string): Promise<MetadataStore> {
    await migrateSingleFileMetadata(dataDir);
    const dir = join(dataDir, METADATA_DIR);
    const isNew = !(await fileExists(dir));
    for (const sub of METADATA_SUBDIRS) await mkdir(join(dir, sub), { recursive: true, mode: 0o700 });
    const accountsPath = join(dir, ACCOUNTS_FILE);
    const hasAccounts = await fileExists(accountsPath);
    const store = new MetadataStore(dir, await MetadataFile.open(accountsPath, emptyAccounts));
    if (isNew) {
      await fsyncDir(dir);
      await fsyncDir(dataDir);
    }
    // The accounts file marks a data dir as one (the backup looks for it): write it from the start.
    if (!hasAccounts) await store.accountsFile.persist();

    const ids = async (sub: string): Promise<string[]> => {
      const found: string[] = [];
      for (const file of await readdir(join(dir, sub))) {
        // a write interrupted by a crash: the file it was replacing is whole
        if (file.endsWith(TEMP_EXT)) await unlink(join(dir, sub, file)).catch(() => {});
        else if (file.endsWith(METADATA_FILE_EXT) && isValidDocName(file.slice(0, -METADATA_FILE_EXT.length))) found.push(file.slice(0, -METADATA_FILE_EXT.length));
      }
      return found;
    };
    for (const sub of [THREADS_DIR, WORKFLOW_DIR]) await ids(sub); // clears their interrupted writes
    for (const guideId of await ids(GUIDE_METADATA_DIR)) {
      const main = await MetadataFile.open<GuideFile>(store.path(GUIDE_METADATA_DIR, guideId), missingGuide(guideId), withCurrentFields);
      const threads = await MetadataFile.open(store.path(THREADS_DIR, guideId), emptyThreads, threadsWithCurrentFields);
      const workflow = await MetadataFile.open(store.path(WORKFLOW_DIR, guideId), emptyWorkflow);
      store.storedGuides.set(guideId, new StoredGuide(main, threads, workflow));
    }
    for (const userId of await ids(NOTIFICATIONS_DIR)) {
      store.notificationFiles.set(userId, await MetadataFile.open(store.path(NOTIFICATIONS_DIR, userId), emptyNotifications));
    }
    return store;
  }

  // ---- reads (from memory; change nothing they return outside `mutate`) ----

  get accounts(): Readonly<AccountRecords> {
    return this.accountsFile.data;
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
    return this.notificationFiles.get(userId)?.data.notifications ?? [];
  }

  // ---- changes ----

  mutate<T>(change: (records: MetadataChange) => T): Promise<T> {
    const touched = new Set<MetadataFile<unknown>>();
    const mark = <R>(file: MetadataFile<R>): R => {
      touched.add(file as MetadataFile<unknown>);
      return file.data;
    };
    const removed: StoredGuide[] = [];
    const records: MetadataChange = {
      accounts: () => mark(this.accountsFile),
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
          MetadataFile.create(this.path(GUIDE_METADATA_DIR, guide.id), newGuideFile(guide)),
          MetadataFile.create(this.path(THREADS_DIR, guide.id), emptyThreads()),
          MetadataFile.create(this.path(WORKFLOW_DIR, guide.id), emptyWorkflow()),
        );
        this.storedGuides.set(guide.id, stored);
        mark(stored.main);
        return stored;
      },
      notificationsOf: (userId) => {
        let file = this.notificationFiles.get(userId);
        if (!file) {
          if (!isValidDocName(userId)) throw new Error(`user id ${userId} cannot name a notifications file`);
          file = MetadataFile.create(this.path(NOTIFICATIONS_DIR, userId), emptyNotifications());
          this.notificationFiles.set(userId, file);
        }
        return mark(file);
      },
      removeGuide: (guideId) => {
        const stored = this.stored(guideId);
        this.storedGuides.delete(guideId);
        for (const [docName, id] of this.guideOfDocCache) if (id === guideId) this.guideOfDocCache.delete(docName);
        for (const [, file] of this.notificationFiles) {
          if (file.data.notifications.some((n) => n.guideId === guideId)) {
            mark(file).notifications = file.data.notifications.filter((n) => n.guideId !== guideId);
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
      for (const file of touched) file.persist().catch(() => {});
      throw err;
    }
    return Promise.all([...touched].map((file) => file.persist()))
      .then(() => Promise.all(removed.map((stored) => this.deleteGuideFiles(stored))))
      .then(() => result);
  }

  /**
   * The guide file goes first: once it is gone the guide is gone for good, and a crash before the
   * other two leaves files no guide names (never read again), not half a guide.
   */
  private async deleteGuideFiles(stored: StoredGuide): Promise<void> {
    for (const file of [stored.main, stored.threadsFile, stored.workflowFile] as Array<MetadataFile<unknown>>) {
      await file.remove();
    }
    await Promise.all([GUIDE_METADATA_DIR, THREADS_DIR, WORKFLOW_DIR].map((sub) => fsyncDir(join(this.dir, sub))));
  }

  /** Resolves when everything changed so far is on disk. */
  async flush(): Promise<void> {
    const guideFiles = [...this.storedGuides.values()].flatMap((g) => [g.main, g.threadsFile, g.workflowFile]);
    const files = [this.accountsFile, ...guideFiles, ...this.notificationFiles.values()] as Array<MetadataFile<unknown>>;
    await Promise.all(files.map((f) => f.flush()));
  }

  private stored(guideId: string): StoredGuide {
    const stored = this.storedGuides.get(guideId);
    if (!stored) throw notFound('guide');
    return stored;
  }

  private path(sub: string, id: string): string {
    return join(this.dir, sub, id + METADATA_FILE_EXT);
  }
}

/** Only when a guide file vanished between listing and reading it. */
function missingGuide(id: string): () => GuideFile {
  return () => {
    throw new Error(`metadata file of guide ${id} disappeared while opening`);
  };
}
