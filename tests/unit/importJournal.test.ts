import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { ImportJournal, type ImportRollback } from '@dalil/server/import/importJournal.ts';
import { importRecovery } from '@dalil/server/import/importRecovery.ts';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';

/** What settling a journal did, against metadata that names `committedGuides` and `referencedDocs`. */
function recorder(committedGuides: string[], referencedDocs: string[]) {
  const done: string[] = [];
  const rollback: ImportRollback = {
    guideExists: (id) => committedGuides.includes(id),
    docIsReferenced: (name) => referencedDocs.includes(name),
    deleteDoc: async (name) => void done.push(`delete ${name}`),
    deleteGuideImages: async (id) => void done.push(`delete images of ${id}`),
    writeDocIfMissing: async (name, blocks) => void done.push(`write ${name} (${blocks.length} blocks)`),
    writeImageFiles: async (files) => void done.push(`write images ${files.map((f) => `${f.name} [${[...f.data].join(',')}]`).join(' ')}`),
  };
  return { rollback, done };
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
/** An image file as the store names it: by the SHA-256 of its bytes. */
const named = (data: Buffer, ext: string) => ({ name: `${createHash('sha256').update(data).digest('hex')}.${ext}`, data });

describe('ImportJournal: what a start does with the journal of an import the process did not finish', () => {
  const dirs: string[] = [];
  const journalDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-journal-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('undoes an import whose guide was never committed, content or not', async () => {
    const dir = journalDir();
    const { rollback, done } = recorder([], []);
    const journal = new ImportJournal(dir, rollback);
    const images = [named(Buffer.from([1, 2]), 'png')];
    await journal.begin({ guideId: 'gNew', newGuide: true, docNames: ['s1', 's2'], contents: [[paragraph('un')], [paragraph('deux')]], images });
    expect(await new ImportJournal(dir, rollback).settleAll()).toBe(1);
    // Its image files stay unlisted (the next upload of their bytes reads them back before reusing them).
    expect(done).toEqual(['delete s1', 'delete s2', 'delete images of gNew']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("finishes a committed guide's import: writes its image files and sections from the journal, drops a section deleted since", async () => {
    const dir = journalDir();
    const { rollback, done } = recorder(['gNew'], ['s1', 's3']);
    const journal = new ImportJournal(dir, rollback);
    // Bytes that hold a newline, and an empty image: the JSON's line ends the header, not theirs.
    const images = [named(Buffer.from([10, 0, 10]), 'png'), named(Buffer.alloc(0), 'jpg'), named(Buffer.from([255]), 'gif')];
    await journal.begin({ guideId: 'gNew', newGuide: true, docNames: ['s1', 's2', 's3'], contents: [[paragraph('un\ndeux')], [], [paragraph('trois'), paragraph('encore')]], images });
    expect(await journal.settleAll()).toBe(1);
    expect(done).toEqual([`write images ${images[0]!.name} [10,0,10] ${images[1]!.name} [] ${images[2]!.name} [255]`, 'write s1 (1 blocks)', 'delete s2', 'write s3 (2 blocks)']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves a committed import without content alone (its documents were written before its commit)', async () => {
    const dir = journalDir();
    const { rollback, done } = recorder(['gNew'], ['s1']);
    const journal = new ImportJournal(dir, rollback);
    await journal.begin({ guideId: 'gNew', newGuide: true, docNames: ['s1', 'sGone'] });
    await journal.settleAll();
    expect(done).toEqual(['delete sGone']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes only the missing documents of a committed import: one that exists may have been edited since', async () => {
    const docs = new FileDocStore(journalDir(), { warn: () => {} });
    const edited = new Y.Doc();
    edited.getXmlFragment(SECTION_FRAGMENT).insert(0, [new Y.XmlText('édité après l’import')]);
    await docs.compact('sEdited', Y.encodeStateAsUpdate(edited));
    const recovery = importRecovery({ guideExists: () => true, docIsReferenced: () => true, deleteGuideImages: async () => {}, writeImageFiles: async () => {}, docStore: docs });
    await recovery.writeDocIfMissing('sEdited', [paragraph('du journal')]);
    await recovery.writeDocIfMissing('sMissing', [paragraph('du journal')]);
    const text = async (name: string) => {
      const doc = new Y.Doc();
      for (const update of (await docs.load(name)).updates) Y.applyUpdate(doc, update);
      return doc.getXmlFragment(SECTION_FRAGMENT).toString();
    };
    expect(await text('sEdited')).toBe('édité après l’import');
    expect(await text('sMissing')).toContain('du journal');
    await docs.close();
  });

  it('refuses to go on over a journal that does not parse (it may hold a committed guide\'s only text)', async () => {
    const dir = journalDir();
    writeFileSync(join(dir, 'iAbime.json'), '{"guideId": "g1", "docNames": [');
    const { rollback, done } = recorder(['g1'], []);
    await expect(new ImportJournal(dir, rollback).settleAll()).rejects.toThrow(/is damaged/);
    expect(done).toEqual([]);
    expect(readdirSync(dir)).toEqual(['iAbime.json']);
  });

  it('refuses to go on over a journal whose images are cut short, followed by more bytes, missing, or not named by their bytes', async () => {
    const dir = journalDir();
    const image = named(Buffer.from([1, 2, 3, 4]), 'png');
    const header = (images: Array<{ name: string; bytes: number }>) => JSON.stringify({ guideId: 'g1', newGuide: true, docNames: ['s1'], contents: [[]], images });
    const cases: Array<[string, Buffer, RegExp]> = [
      ['iCourt', Buffer.concat([Buffer.from(header([{ name: image.name, bytes: 4 }]) + '\n'), Buffer.from([1, 2, 3])]), /cut short/],
      ['iLong', Buffer.concat([Buffer.from(header([{ name: image.name, bytes: 4 }]) + '\n'), Buffer.from([1, 2, 3, 4, 5])]), /holds more than its images/],
      ['iSansLigne', Buffer.from(header([])), /names images it does not hold/],
      // A name that would write outside the image files, and bytes that are not the named image's.
      ['iChemin', Buffer.concat([Buffer.from(header([{ name: '../../metadata/accounts.json', bytes: 4 }]) + '\n'), image.data]), /not named by its bytes/],
      ['iAutre', Buffer.concat([Buffer.from(header([{ name: image.name, bytes: 4 }]) + '\n'), Buffer.from([1, 2, 3, 5])]), /not named by its bytes/],
    ];
    for (const [id, bytes] of cases) writeFileSync(join(dir, `${id}.json`), bytes);
    const { rollback, done } = recorder(['g1'], ['s1']);
    for (const [id, , reason] of cases) await expect(new ImportJournal(dir, rollback).settle(id)).rejects.toThrow(new RegExp(`is damaged \\(.*${reason.source}`));
    expect(done).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(cases.map(([id]) => `${id}.json`).sort());
  });
});
