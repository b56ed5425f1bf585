import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidDocName } from '@dalil/shared';
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
import { ACCOUNTS_ID, type MetadataBackend, type MetadataRecord, type RecordKind, type StoredRecordData } from './metadataBackend.ts';
import { MetadataFile, readMetadataFile } from './metadataFile.ts';
import { migrateSingleFileMetadata } from './metadataMigration.ts';
import { emptyAccounts } from './metadataRecords.ts';

const DIR_OF: Record<Exclude<RecordKind, 'accounts'>, string> = {
  guide: GUIDE_METADATA_DIR,
  threads: THREADS_DIR,
  workflow: WORKFLOW_DIR,
  notifications: NOTIFICATIONS_DIR,
};

/**
 * The embedded metadata: one lowdb JSON file per record under `metadata/` (see dataDirLayout.ts),
 * each written, fsynced and coalesced on its own, so a change costs the writing of the files it
 * touches, whatever else is stored.
 */
export class FileMetadataBackend implements MetadataBackend {
  private readonly files = new Map<MetadataRecord, MetadataFile>();
  private readonly dir: string;

  constructor(private readonly dataDir: string) {
    this.dir = join(dataDir, METADATA_DIR);
  }

  async load(): Promise<StoredRecordData[]> {
    await migrateSingleFileMetadata(this.dataDir);
    const isNew = !(await fileExists(this.dir));
    for (const sub of METADATA_SUBDIRS) await mkdir(join(this.dir, sub), { recursive: true, mode: 0o700 });
    if (isNew) {
      await fsyncDir(this.dir);
      await fsyncDir(this.dataDir);
    }
    const records: StoredRecordData[] = [];
    const accounts = await readMetadataFile(this.path('accounts', ACCOUNTS_ID));
    if (accounts) records.push({ kind: 'accounts', id: ACCOUNTS_ID, data: accounts });
    // The accounts file marks a data dir as one (the backup looks for it): written from the start.
    else await this.persist([{ kind: 'accounts', id: ACCOUNTS_ID, data: emptyAccounts() }]);
    for (const [kind, sub] of Object.entries(DIR_OF) as Array<[Exclude<RecordKind, 'accounts'>, string]>) {
      for (const file of await readdir(join(this.dir, sub))) {
        // a write interrupted by a crash: the file it was replacing is whole
        if (file.endsWith(TEMP_EXT)) {
          await unlink(join(this.dir, sub, file)).catch(() => {});
          continue;
        }
        const id = file.slice(0, -METADATA_FILE_EXT.length);
        if (!file.endsWith(METADATA_FILE_EXT) || !isValidDocName(id)) continue;
        const data = await readMetadataFile(this.path(kind, id));
        if (data) records.push({ kind, id, data });
      }
    }
    return records;
  }

  persist(records: readonly MetadataRecord[]): Promise<void> {
    return Promise.all(records.map((record) => this.fileOf(record).persist())).then(() => undefined);
  }

  /**
   * In the order given (a guide's main file first: once it is gone the guide is gone for good, and
   * a crash before the others leaves files no guide names, never read again, not half a guide).
   */
  async remove(records: readonly MetadataRecord[]): Promise<void> {
    const dirs = new Set<string>();
    for (const record of records) {
      await this.fileOf(record).remove();
      this.files.delete(record);
      dirs.add(join(this.dir, record.kind === 'accounts' ? '' : DIR_OF[record.kind]));
    }
    await Promise.all([...dirs].map((dir) => fsyncDir(dir)));
  }

  async flush(): Promise<void> {
    await Promise.all([...this.files.values()].map((file) => file.flush()));
  }

  /** A failed file write is retried by the next change of the same file, which holds it too. */
  refuse(): null {
    return null;
  }

  failed(): void {}

  onReloaded(): void {}

  async close(): Promise<void> {
    await this.flush();
  }

  private fileOf(record: MetadataRecord): MetadataFile {
    let file = this.files.get(record);
    if (!file) {
      if (!isValidDocName(record.id)) throw new Error(`${record.kind} id ${record.id} cannot name a metadata file`);
      file = new MetadataFile(this.path(record.kind, record.id), record);
      this.files.set(record, file);
    }
    return file;
  }

  private path(kind: RecordKind, id: string): string {
    if (kind === 'accounts') return join(this.dir, ACCOUNTS_FILE);
    return join(this.dir, DIR_OF[kind], id + METADATA_FILE_EXT);
  }
}
