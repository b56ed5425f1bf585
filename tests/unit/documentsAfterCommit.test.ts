import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DocumentsAfterCommit } from '@dalil/server/import/documentsAfterCommit.ts';
import { ImportJournal } from '@dalil/server/import/importJournal.ts';
import { importRecovery } from '@dalil/server/import/importRecovery.ts';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import { HeldDocStore } from '@dalil/server/storage/heldDocStore.ts';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

describe('DocumentsAfterCommit: what an import makes durable after its reply', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-after-commit-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('keeps the journal until the documents are written and the images synced, trying the sync again when it fails', async () => {
    const docs = new FileDocStore(tempDir(), { warn: () => {} });
    const journalDir = tempDir();
    const journal = new ImportJournal(
      journalDir,
      importRecovery({ guideExists: () => true, docIsReferenced: () => true, deleteGuideImages: async () => {}, writeImageFiles: async () => {}, docStore: docs }),
    );
    const errors: unknown[] = [];
    const later = new DocumentsAfterCommit(new HeldDocStore(docs), journal, { error: (obj) => void errors.push(obj) }, { firstDelayMs: 5, maxDelayMs: 5 });
    const id = await journal.begin({ guideId: 'g1', newGuide: true, docNames: ['s1'], contents: [[paragraph('un')]], images: [{ name: 'a.png', data: Buffer.from([1]) }] });
    const journalsSeen: string[][] = [];
    let syncs = 0;
    later.reserve(['s1']).write(id, [['s1', [paragraph('un')]]], {
      alsoDurable: async () => {
        journalsSeen.push(readdirSync(journalDir));
        if (++syncs === 1) throw new Error('disque plein');
      },
    });
    await later.idle();
    expect(syncs).toBe(2);
    // The journal was there at each try, and is gone once the second one succeeded.
    expect(journalsSeen).toEqual([[`${id}.json`], [`${id}.json`]]);
    expect(readdirSync(journalDir)).toEqual([]);
    expect(errors).toHaveLength(1);
    expect((await docs.load('s1')).updates.length).toBeGreaterThan(0);
    await docs.close();
  });
});
