import { mkdirSync } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durableFile.ts';
import { IMPORT_JOURNAL_EXT, TEMP_EXT } from '../storage/dataDirLayout.ts';
import { newId } from '../storage/ids.ts';

/** What an import wrote that no metadata names yet. */
export interface ImportEntry {
  guideId: string;
  /** True when the import creates the guide (its images go too if it never commits). */
  newGuide: boolean;
  docNames: string[];
}

/** How to undo what an unfinished import wrote; the metadata says whether it finished. */
export interface ImportRollback {
  guideExists(guideId: string): boolean;
  docIsReferenced(docName: string): boolean;
  deleteDoc(docName: string): Promise<void>;
  deleteGuideImages(guideId: string): Promise<void>;
}

/**
 * Makes an import all or nothing across a crash. Before an import writes anything, its journal
 * (durable) says what it is about to write: documents under fresh names and, for a new guide, the
 * guide's images. The import then commits by one metadata write that names them all, and deletes
 * its journal. At start, and when an import fails, every journal left is settled: whatever its
 * metadata does not name is deleted. Documents and images nobody names are invisible meanwhile.
 */
export class ImportJournal {
  constructor(
    private readonly dir: string,
    private readonly rollback: ImportRollback,
  ) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  async begin(entry: ImportEntry): Promise<string> {
    const id = newId('i');
    await this.write(id, entry);
    return id;
  }

  /** Records more names before writing them. */
  write(id: string, entry: ImportEntry): Promise<void> {
    return writeFileDurably(this.path(id), JSON.stringify(entry));
  }

  /** The import committed: nothing to undo any more. */
  async end(id: string): Promise<void> {
    await unlink(this.path(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  /** Undoes whatever `id` wrote that the metadata does not name, then forgets it. */
  async settle(id: string): Promise<void> {
    let entry: ImportEntry | null = null;
    try {
      entry = JSON.parse(await readFile(this.path(id), 'utf8')) as ImportEntry;
    } catch {
      // A journal cut short by a crash was being written before anything it names.
    }
    if (entry) {
      for (const name of entry.docNames) if (!this.rollback.docIsReferenced(name)) await this.rollback.deleteDoc(name);
      if (entry.newGuide && !this.rollback.guideExists(entry.guideId)) await this.rollback.deleteGuideImages(entry.guideId);
    }
    await this.end(id);
  }

  /** Settles every journal left by a previous run; returns how many there were. */
  async settleAll(): Promise<number> {
    const files = await readdir(this.dir);
    // A journal write cut short leaves only its temp file, written before anything it would name.
    for (const f of files) if (f.endsWith(TEMP_EXT)) await unlink(join(this.dir, f)).catch(() => {});
    const ids = files.filter((f) => f.endsWith(IMPORT_JOURNAL_EXT)).map((f) => f.slice(0, -IMPORT_JOURNAL_EXT.length));
    for (const id of ids) await this.settle(id);
    return ids.length;
  }

  private path(id: string): string {
    return join(this.dir, `${id}${IMPORT_JOURNAL_EXT}`);
  }
}
