import { mkdirSync } from 'node:fs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../storage/durableFile.ts';
import { IMPORT_JOURNAL_EXT, TEMP_EXT } from '../storage/dataDirLayout.ts';
import { fsyncDir } from '../storage/durableFile.ts';
import { newId } from '../storage/ids.ts';
import type { JsonNode } from './convertDocx.ts';
import type { ImageFile } from '../images/imageStore.ts';
import { decodeImportEntry, encodeImportEntry } from './importJournalFile.ts';

/** What an import wrote that no metadata names yet. */
export interface ImportEntry {
  guideId: string;
  /** True when the import creates the guide (its images go too if it never commits). */
  newGuide: boolean;
  docNames: string[];
  /**
   * The documents' content, one block list per name of `docNames`, when the import writes them
   * after its commit: once the metadata names the guide, this is what its sections hold until
   * their documents are written, and what a start writes them from if the process died before.
   */
  contents?: JsonNode[][];
  /**
   * With `contents`: the guide's images' files, which the import placed unsynced and syncs after
   * its commit, like the documents; a start that finds the journal writes them again.
   */
  images?: ImageFile[];
}

/** How to undo what an unfinished import wrote, or finish one that committed; the metadata says which. */
export interface ImportRollback {
  guideExists(guideId: string): boolean;
  docIsReferenced(docName: string): boolean;
  deleteDoc(docName: string): Promise<void>;
  deleteGuideImages(guideId: string): Promise<void>;
  /** Writes a committed import's section from `blocks` unless its document exists already. */
  writeDocIfMissing(docName: string, blocks: JsonNode[]): Promise<void>;
  /** Writes a committed import's image files durably (one that holds these bytes is kept). */
  writeImageFiles(files: ImageFile[]): Promise<void>;
}

/**
 * Makes an import all or nothing across a crash. Before an import writes anything a guide could
 * show, its journal (durable) says what it is about to write: documents under fresh names and, for
 * a new guide, the guide's image index (the images' files come before it: no guide lists them, so
 * nobody can read them, and the next upload of the same bytes reuses them). The import then
 * commits by one metadata write that names them all, and deletes its journal. At start, and when an import fails, every journal left is settled: whatever its
 * metadata does not name is deleted. Documents and images nobody names are invisible meanwhile.
 *
 * A new guide's import may instead carry its sections' content and its images' bytes in the
 * journal and write their documents, and sync their image files, after the commit (the metadata
 * write then makes the guide whole: its content is durable in the journal). Until those documents are written the server holds them (nobody reads
 * or edits them), and the journal goes, durably, only once they are; a journal of a committed
 * guide found at start is therefore rolled forward: its sections' documents missing are written
 * from it (one that exists is whole, and may have been edited: a backup can hold both).
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

  private write(id: string, entry: ImportEntry): Promise<void> {
    return writeFileDurably(this.path(id), encodeImportEntry(entry));
  }

  /**
   * The import committed: nothing to undo any more. `durably` when the journal carried content:
   * a journal coming back after a crash would write its documents again over later edits.
   */
  async end(id: string, durably = false): Promise<void> {
    await unlink(this.path(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    if (durably) await fsyncDir(this.dir);
  }

  /**
   * Undoes whatever `id` wrote that the metadata does not name, then forgets it; or, for a journal
   * carrying content whose guide committed, writes its documents (see the class).
   */
  async settle(id: string): Promise<void> {
    let entry: ImportEntry | null = null;
    let file: Buffer | null = null;
    try {
      file = await readFile(this.path(id));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (file !== null) {
      // Written whole (temp file, rename), a journal that does not read back is damage, and it may
      // be all that holds a committed guide's text: refuse to go on rather than delete it.
      try {
        entry = decodeImportEntry(file);
      } catch (err) {
        throw new Error(`the import journal ${this.path(id)} is damaged (${err instanceof Error ? err.message : String(err)}); move it aside once you have checked what it holds, then start again`);
      }
    }
    if (entry?.contents && this.rollback.guideExists(entry.guideId)) {
      await this.rollForward(entry, entry.contents);
      await this.end(id, true);
      return;
    }
    if (entry) {
      for (const name of entry.docNames) if (!this.rollback.docIsReferenced(name)) await this.rollback.deleteDoc(name);
      if (entry.newGuide && !this.rollback.guideExists(entry.guideId)) await this.rollback.deleteGuideImages(entry.guideId);
    }
    await this.end(id);
  }

  /** A committed guide's image files and sections written from the journal; a section deleted since has no document to get. */
  private async rollForward(entry: ImportEntry, contents: JsonNode[][]): Promise<void> {
    if (entry.images) await this.rollback.writeImageFiles(entry.images);
    for (const [i, name] of entry.docNames.entries()) {
      if (this.rollback.docIsReferenced(name)) await this.rollback.writeDocIfMissing(name, contents[i] ?? []);
      else await this.rollback.deleteDoc(name);
    }
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
