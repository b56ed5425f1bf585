import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GuideSummary, GuideView } from '@dalil/shared';
import type { ImportedGuide, ImportPreview } from '@dalil/shared/api/import.ts';
import type { Api } from '../helpers/api.ts';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import { createBackup } from '@dalil/server/backup/createBackup.ts';
import { restoreBackup } from '@dalil/server/backup/restoreBackup.ts';
import { settleImportsOffline } from '@dalil/server/import/settleImportsOffline.ts';
import { IMAGE_INDEX_DIR, IMAGES_DIR, IMPORTS_DIR } from '@dalil/server/storage/dataDirLayout.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser } from '../helpers/accounts.ts';
import { largeGuideDocx } from '../helpers/docxFixtures.ts';
import { storedDocNames } from '../helpers/docOnDisk.ts';
import { plainText, sectionJson, upload } from '../helpers/importApi.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { killIfRunning, spawnDemoServer } from '../helpers/demoServer.ts';
import type { ServerProcess } from '../helpers/serverProcess.ts';

/** The embedded store, failing while `fail` is set (a disk dying): a batch of new documents half-way, any rewrite at once. */
class FailingStore extends FileDocStore {
  fail = false;
  failures = 0;

  override async createMany(documents: Iterable<[string, Uint8Array]> | AsyncIterable<[string, Uint8Array]>): Promise<void> {
    if (!this.fail) return super.createMany(documents);
    const all: Array<[string, Uint8Array]> = [];
    for await (const document of documents) all.push(document);
    await super.createMany(all.slice(0, Math.ceil(all.length / 2)));
    throw this.fault();
  }

  override async compact(name: string, state: Uint8Array): Promise<void> {
    if (this.fail) throw this.fault();
    return super.compact(name, state);
  }

  private fault(): NodeJS.ErrnoException {
    this.failures++;
    const err = new Error('EIO: injected fault in the document store') as NodeJS.ErrnoException;
    err.code = 'EIO';
    return err;
  }
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const journals = (server: TestServer) => list(join(server.dataDir, IMPORTS_DIR)).filter((f) => f.endsWith('.json'));
const FILE = () => largeGuideDocx({ words: 4000, tables: 2, images: 6, chapters: 2 });

/**
 * A new guide's import commits with its sections' content in its journal, and writes their
 * documents right after. When those writes fail, the guide is there all the same: its sections
 * wait (nobody sees them empty) while the writes are tried again, and a server stopped meanwhile
 * writes them from the journal when it starts again.
 */
describe('an import whose documents fail to be written after its commit', () => {
  const dir = tempDir();
  const holder: { store?: FailingStore } = {};
  let server: TestServer | null = null;
  afterAll(async () => {
    await server?.stop();
    dir.remove();
  });
  /** Imports a file as someone new while the disk fails: the import itself succeeds (its journal holds the content). */
  async function importOnFailingDisk(person: string, fileName: string): Promise<{ api: Api; guide: GuideView }> {
    const { api } = await createUser(server!, person);
    holder.store!.fail = true;
    const res = await upload<ImportedGuide>(api, '/api/guides/import', await FILE(), fileName);
    expect(res.status).toBe(201);
    return { api, guide: await api.ok<GuideView>('GET', `/api/guides/${res.body.guideId}`) };
  }
  const start = () =>
    startServer({ IMPORT_MAX_BYTES: String(100 * 1024 * 1024) }, { dataDir: dir.path, docStore: (d, logger) => (holder.store = new FailingStore(d, logger)) });

  it('keeps the sections waiting, not empty, until the disk works again, then serves their text', async () => {
    server = await start();
    const { api } = await createUser(server, 'Rim');
    const docsBefore = await storedDocNames(server.dataDir);
    holder.store!.fail = true;
    const res = await upload<ImportedGuide>(api, '/api/guides/import', await FILE(), 'panne.docx');
    // The content is durable in the journal: the import succeeded.
    expect(res.status).toBe(201);
    expect(journals(server)).toHaveLength(1);
    const guide = await api.ok<GuideView>('GET', `/api/guides/${res.body.guideId}`);
    expect(guide.sections).toHaveLength(res.body.sectionCount);
    expect(list(join(server.dataDir, IMAGES_DIR, IMAGE_INDEX_DIR))).toContain(`${guide.id}.json`);

    let read: { type: string; content?: unknown[] } | null = null;
    const reading = sectionJson(server, guide.id, guide.sections[1]!.docName).then((json) => (read = json));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(holder.store!.failures, 'the writes were tried again').toBeGreaterThan(1);
    expect(read, 'a section read while its document cannot be written').toBeNull();

    holder.store!.fail = false;
    await reading;
    expect(plainText(read).length).toBeGreaterThan(1000);
    await server.importsWritten();
    expect(journals(server)).toEqual([]);
    expect((await storedDocNames(server.dataDir)).length - docsBefore.length).toBe(res.body.sectionCount);
    await expectTextAsPreviewed(server, api, guide);
  });

  it('tells whoever opens a section when the writes keep failing, then serves it once they succeed', async () => {
    const failuresBefore = holder.store!.failures;
    const { api, guide } = await importOnFailingDisk('Walid', 'longue-panne.docx');
    const docName = guide.sections[1]!.docName;
    // Six tries, 3.1 s of pauses between them: opening the section fails then, with a reason.
    const refused = await sectionJson(server!, guide.id, docName).then(
      () => 'read',
      (err: Error) => err.message,
    );
    expect(refused).toMatch(/cannot be written to disk yet/);
    expect(holder.store!.failures - failuresBefore).toBeGreaterThanOrEqual(5);
    holder.store!.fail = false;
    await server!.importsWritten();
    expect(plainText(await sectionJson(server!, guide.id, docName)).length).toBeGreaterThan(100);
  }, 30_000);

  it('writes them at the next start when the server stopped before it could', async () => {
    const { api, guide } = await importOnFailingDisk('Nour', 'arret.docx');
    // Stopping gives up trying: the journal stays for the next start, and whoever waits for a section is told.
    const waiting = sectionJson(server!, guide.id, guide.sections[0]!.docName).then(
      () => 'read',
      (err: Error) => err.message,
    );
    await server!.stop();
    expect(await waiting).toMatch(/server is stopping/);
    expect(list(join(dir.path, IMPORTS_DIR)).filter((f) => f.endsWith('.json'))).toHaveLength(1);
    const written = new Set(await storedDocNames(dir.path));
    expect(guide.sections.filter((s) => written.has(s.docName)).length, 'some documents are missing on disk').toBeLessThan(guide.sections.length);

    server = await start();
    expect(journals(server)).toEqual([]);
    expect(server.guides.listSections(guide.id).map((s) => s.docName)).toEqual(guide.sections.map((s) => s.docName));
    const onDisk = new Set(await storedDocNames(dir.path));
    expect(guide.sections.every((s) => onDisk.has(s.docName))).toBe(true);
    // (The first server's session is gone with its port: someone on this one previews the file.)
    await expectTextAsPreviewed(server, (await createUser(server, 'Lina')).api, guide);
  });

  it('are written by an offline settle of the stopped data dir (a restore into PostgreSQL) as by a start', async () => {
    const { api, guide } = await importOnFailingDisk('Yosra', 'migration.docx');
    await server!.stop();
    expect(await settleImportsOffline(dir.path)).toBe(1);
    expect(list(join(dir.path, IMPORTS_DIR))).toEqual([]);
    server = await start();
    await expectTextAsPreviewed(server, (await createUser(server, 'Amel')).api, guide);
  });

  it('is in a backup taken meanwhile: the restored server writes the documents from the journal', async () => {
    const { api, guide } = await importOnFailingDisk('Sami', 'sauvegarde.docx');
    const archive = join(dir.path, '..', `${guide.id}-backup.dalil`);
    const backup = await createBackup(server!.dataDir, archive);
    holder.store!.fail = false;
    await server!.importsWritten();
    expect(backup.documents, 'the archive lacks the documents not written yet').toBeLessThan((await storedDocNames(server!.dataDir)).length);

    const restored = tempDir();
    try {
      await restoreBackup(archive, restored.path);
      const other = await startServer({}, { dataDir: restored.path });
      try {
        expect(list(join(restored.path, IMPORTS_DIR)).filter((f) => f.endsWith('.json'))).toEqual([]);
        expect(other.guides.listSections(guide.id).map((s) => s.docName)).toEqual(guide.sections.map((s) => s.docName));
        await expectTextAsPreviewed(other, (await createUser(other, 'Hela')).api, guide);
      } finally {
        await other.dispose();
      }
    } finally {
      restored.remove();
      rmSync(archive, { force: true });
    }
  });
});

/** Every section holds text exactly when the preview of the same file counted words in it. */
async function expectTextAsPreviewed(server: TestServer, api: Api, guide: GuideView): Promise<void> {
  const preview = await upload<ImportPreview>(api, '/api/guides/import/preview', await FILE(), 'apercu.docx');
  expect(preview.body.sections.map((s) => s.title)).toEqual(guide.sections.map((s) => s.title));
  const hasText = await Promise.all(guide.sections.map(async (s) => plainText(await sectionJson(server, guide.id, s.docName)).length > 0));
  expect(hasText).toEqual(preview.body.sections.map((s) => s.words > 0));
  expect(hasText.filter(Boolean).length).toBeGreaterThan(2);
}

describe('an import whose journal cannot be written', () => {
  // A server process of its own: the failure must be answered, not end the process.
  const dir = tempDir();
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await killIfRunning(server);
    dir.remove();
  });

  it('answers an error, leaves no guide and no image index, and the server goes on serving', async () => {
    const started = await spawnDemoServer(dir.path, {}, 90_000);
    server = started.server;
    const { api } = started;
    const guidesBefore = (await api.ok<GuideSummary[]>('GET', '/api/guides')).map((g) => g.id);
    const indexDir = join(dir.path, IMAGES_DIR, IMAGE_INDEX_DIR);
    const indexesBefore = existsSync(indexDir) ? readdirSync(indexDir).sort() : [];
    // The journals' directory replaced by a file: the journal's write fails (as on a dying disk),
    // after the file is converted and its images' files written.
    const journals = join(dir.path, IMPORTS_DIR);
    rmSync(journals, { recursive: true, force: true });
    writeFileSync(journals, 'not a directory');
    const failed = await upload(api, '/api/guides/import', await largeGuideDocx({ variant: 7 }), 'panne.docx');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(server.child.exitCode, 'the server is still running').toBeNull();
    expect((await api.ok<GuideSummary[]>('GET', '/api/guides')).map((g) => g.id)).toEqual(guidesBefore);
    expect(existsSync(indexDir) ? readdirSync(indexDir).sort() : []).toEqual(indexesBefore);
    // The disk mended, the same file imports whole.
    rmSync(journals);
    mkdirSync(journals);
    const again = await upload<ImportedGuide>(api, '/api/guides/import', await largeGuideDocx({ variant: 7 }), 'panne.docx');
    expect(again.status).toBe(201);
    expect((await api.ok<GuideView>('GET', `/api/guides/${again.body.guideId}`)).sections.length).toBe(again.body.sectionCount);
  }, 200_000);
});
