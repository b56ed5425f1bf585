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
  };
  return { rollback, done };
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

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
    const id = await journal.begin({ guideId: 'gNew', newGuide: true, docNames: [] });
    await journal.write(id, { guideId: 'gNew', newGuide: true, docNames: ['s1', 's2'], contents: [[paragraph('un')], [paragraph('deux')]] });
    expect(await new ImportJournal(dir, rollback).settleAll()).toBe(1);
    expect(done).toEqual(['delete s1', 'delete s2', 'delete images of gNew']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("finishes a committed guide's import: writes its sections from the journal, drops one deleted since", async () => {
    const dir = journalDir();
    const { rollback, done } = recorder(['gNew'], ['s1', 's3']);
    const journal = new ImportJournal(dir, rollback);
    const id = await journal.begin({ guideId: 'gNew', newGuide: true, docNames: [] });
    await journal.write(id, { guideId: 'gNew', newGuide: true, docNames: ['s1', 's2', 's3'], contents: [[paragraph('un')], [], [paragraph('trois'), paragraph('encore')]] });
    expect(await journal.settleAll()).toBe(1);
    expect(done).toEqual(['write s1 (1 blocks)', 'delete s2', 'write s3 (2 blocks)']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves a committed import without content alone (its documents were written before its commit)', async () => {
    const dir = journalDir();
    const { rollback, done } = recorder(['gNew'], ['s1']);
    const journal = new ImportJournal(dir, rollback);
    const id = await journal.begin({ guideId: 'gNew', newGuide: true, docNames: [] });
    await journal.write(id, { guideId: 'gNew', newGuide: true, docNames: ['s1', 'sGone'] });
    await journal.settleAll();
    expect(done).toEqual(['delete sGone']);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes only the missing documents of a committed import: one that exists may have been edited since', async () => {
    const docs = new FileDocStore(journalDir(), { warn: () => {} });
    const edited = new Y.Doc();
    edited.getXmlFragment(SECTION_FRAGMENT).insert(0, [new Y.XmlText('édité après l’import')]);
    await docs.compact('sEdited', Y.encodeStateAsUpdate(edited));
    const recovery = importRecovery({ guideExists: () => true, docIsReferenced: () => true, deleteGuideImages: async () => {}, docStore: docs });
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
});
