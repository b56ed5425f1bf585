import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideSummary } from '@dalil/shared';
import type { ImportedGuide } from '@dalil/shared/api/import.ts';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import type { DocStore } from '@dalil/server/storage/docStore.ts';
import { IMAGE_INDEX_DIR, IMAGES_DIR, IMPORTS_DIR } from '@dalil/server/storage/dataDirLayout.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import type { Api } from '../helpers/api.ts';
import { createUser } from '../helpers/accounts.ts';
import { largeGuideDocx } from '../helpers/docxFixtures.ts';
import { storedDocNames } from '../helpers/docOnDisk.ts';
import { upload } from '../helpers/importApi.ts';

/** The embedded store, whose batch of new documents fails half-way while `fail` is set (a disk dying). */
class FailingBatchStore extends FileDocStore {
  fail = false;
  batches = 0;

  override async createMany(documents: Iterable<[string, Uint8Array]> | AsyncIterable<[string, Uint8Array]>): Promise<void> {
    this.batches++;
    if (!this.fail) return super.createMany(documents);
    const all: Array<[string, Uint8Array]> = [];
    for await (const document of documents) all.push(document);
    await super.createMany(all.slice(0, Math.ceil(all.length / 2)));
    const err = new Error('EIO: injected fault in the batch of new documents') as NodeJS.ErrnoException;
    err.code = 'EIO';
    throw err;
  }
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/**
 * An import writes its images while the file is still converting, and its documents after; the
 * guide exists only once both are durable. When a write fails, nothing of it is left: no guide,
 * no documents, no image index, no journal (the images' writes are waited for before the rollback).
 */
describe('an import whose writes fail', () => {
  const holder: { store?: FailingBatchStore } = {};
  let server: TestServer;
  let api: Api;
  beforeAll(async () => {
    server = await startServer({ IMPORT_MAX_BYTES: String(100 * 1024 * 1024) }, {
      docStore: (dir, logger) => (holder.store = new FailingBatchStore(dir, logger)),
    });
    api = (await createUser(server, 'Rim')).api;
  });
  afterAll(() => server.dispose());

  it('leaves nothing when the documents fail after the images were stored, and imports the same file once the disk works', async () => {
    const file = await largeGuideDocx({ words: 4000, tables: 2, images: 6, chapters: 2 });
    const indexDir = join(server.dataDir, IMAGES_DIR, IMAGE_INDEX_DIR);
    const importsDir = join(server.dataDir, IMPORTS_DIR);
    const docsBefore = await storedDocNames(server.dataDir);
    const guidesBefore = await api.ok<GuideSummary[]>('GET', '/api/guides');

    holder.store!.fail = true;
    const failed = await upload(api, '/api/guides/import', file, 'panne.docx');
    expect(failed.status).toBe(500);
    expect(holder.store!.batches).toBe(1);
    expect(await api.ok<GuideSummary[]>('GET', '/api/guides')).toEqual(guidesBefore);
    expect(await storedDocNames(server.dataDir)).toEqual(docsBefore);
    expect(list(indexDir), 'an image index of the guide that never was').toEqual([]);
    expect(list(importsDir)).toEqual([]);

    holder.store!.fail = false;
    const ok = await upload<ImportedGuide>(api, '/api/guides/import', file, 'panne.docx');
    expect(ok.status).toBe(201);
    expect(list(indexDir)).toEqual([`${ok.body.guideId}.json`]);
    expect((await storedDocNames(server.dataDir)).length - docsBefore.length).toBe(ok.body.sectionCount);
    expect(list(importsDir)).toEqual([]);
  });
});
