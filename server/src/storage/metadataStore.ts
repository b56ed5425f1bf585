import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Guide, Notification } from '@dalil/shared';
import { isValidDocName } from '@dalil/shared';
import { notFound } from '../domain/errors.ts';
import { ACCOUNTS_FILE, GUIDE_METADATA_DIR, METADATA_DIR, METADATA_FILE_EXT, NOTIFICATIONS_DIR, TEMP_EXT } from './dataDirLayout.ts';
import { fileExists, fsyncDir } from './durableFile.ts';
import { MetadataFile } from './metadataFile.ts';
import { migrateSingleFileMetadata } from './metadataMigration.ts';
import {
  emptyAccounts,
  emptyNotifications,
  newGuideRecords,
  withCurrentFields,
  type AccountRecords,
  type GuideRecords,
  type NotificationRecords,
} from './metadataRecords.ts';

export type { AccountRecords, GuideRecords, NotificationRecords } from './metadataRecords.ts';

/**
 * What a change may touch. Each accessor marks the file it returns as changed: a change reaches
 * the records it alters through these, and only the files it asked for are written.
 */
export interface MetadataChange {
  accounts(): AccountRecords;
  /** The guide's records; throws notFound('guide') when there is no such guide. */
  guide(guideId: string): GuideRecords;
  /** Adds a new guide (its own new file). */
  addGuide(guide: Guide): GuideRecords;
  notificationsOf(userId: string): NotificationRecords;
}

/**
 * Accounts and sessions, guides with their sections, members, invitations, comment threads and
 * workflow history, and notifications: in lowdb JSON files under `metadata/`, one per guide, one
 * per person's notifications, one for accounts. A change costs the writing of the files it touches,
 * whatever else is stored.
 *
 * Every change goes through `mutate`, which applies it synchronously (so no read-modify-write spans
 * an await and concurrent requests cannot lose each other's changes) and resolves once every file
 * it touched has been written and fsynced with the change in it. Reads are synchronous, from memory.
 */
export class MetadataStore {
  private readonly guideFiles = new Map<string, MetadataFile<GuideRecords>>();
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
    await mkdir(join(dir, GUIDE_METADATA_DIR), { recursive: true, mode: 0o700 });
    await mkdir(join(dir, NOTIFICATIONS_DIR), { recursive: true, mode: 0o700 });
    const accountsPath = join(dir, ACCOUNTS_FILE);
    const hasAccounts = await fileExists(accountsPath);
    const store = new MetadataStore(dir, await MetadataFile.open(accountsPath, emptyAccounts));
    if (isNew) {
      await fsyncDir(dir);
      await fsyncDir(dataDir);
    }
    // The accounts file marks a data dir as one (the backup looks for it): write it from the start.
    if (!hasAccounts) await store.accountsFile.persist();

    for (const [sub, files] of [[GUIDE_METADATA_DIR, store.guideFiles], [NOTIFICATIONS_DIR, store.notificationFiles]] as const) {
      for (const file of await readdir(join(dir, sub))) {
        const path = join(dir, sub, file);
        // a write interrupted by a crash: the file it was replacing is whole
        if (file.endsWith(TEMP_EXT)) {
          await unlink(path).catch(() => {});
          continue;
        }
        const id = file.endsWith(METADATA_FILE_EXT) ? file.slice(0, -METADATA_FILE_EXT.length) : '';
        if (!isValidDocName(id)) continue;
        if (sub === GUIDE_METADATA_DIR) {
          const opened = await MetadataFile.open<GuideRecords>(path, () => newGuideRecords(missingGuide(id)), withCurrentFields);
          (files as Map<string, MetadataFile<GuideRecords>>).set(id, opened);
        } else {
          (files as Map<string, MetadataFile<NotificationRecords>>).set(id, await MetadataFile.open(path, emptyNotifications));
        }
      }
    }
    return store;
  }

  // ---- reads (from memory; change nothing they return outside `mutate`) ----

  get accounts(): Readonly<AccountRecords> {
    return this.accountsFile.data;
  }

  guide(guideId: string): Readonly<GuideRecords> | undefined {
    return this.guideFiles.get(guideId)?.data;
  }

  *guides(): IterableIterator<Readonly<GuideRecords>> {
    for (const file of this.guideFiles.values()) yield file.data;
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
    const records: MetadataChange = {
      accounts: () => mark(this.accountsFile),
      guide: (guideId) => {
        const file = this.guideFiles.get(guideId);
        if (!file) throw notFound('guide');
        return mark(file);
      },
      addGuide: (guide) => {
        if (!isValidDocName(guide.id) || this.guideFiles.has(guide.id)) throw new Error(`guide id ${guide.id} cannot be used`);
        const file = MetadataFile.create(this.guidePath(guide.id), newGuideRecords(guide));
        this.guideFiles.set(guide.id, file);
        return mark(file);
      },
      notificationsOf: (userId) => {
        let file = this.notificationFiles.get(userId);
        if (!file) {
          if (!isValidDocName(userId)) throw new Error(`user id ${userId} cannot name a notifications file`);
          file = MetadataFile.create(join(this.dir, NOTIFICATIONS_DIR, userId + METADATA_FILE_EXT), emptyNotifications());
          this.notificationFiles.set(userId, file);
        }
        return mark(file);
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
    return Promise.all([...touched].map((file) => file.persist())).then(() => result);
  }

  /** Resolves when everything changed so far is on disk. */
  async flush(): Promise<void> {
    const files = [this.accountsFile, ...this.guideFiles.values(), ...this.notificationFiles.values()] as Array<MetadataFile<unknown>>;
    await Promise.all(files.map((f) => f.flush()));
  }

  private guidePath(guideId: string): string {
    return join(this.dir, GUIDE_METADATA_DIR, guideId + METADATA_FILE_EXT);
  }
}

/** Only when a guide file vanished between listing and reading it; never written as such. */
function missingGuide(id: string): Guide {
  throw new Error(`metadata file of guide ${id} disappeared while opening`);
}
