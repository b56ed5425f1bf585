import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GuideSummary, GuideView } from '@dalil/shared';
import type { ServerProcess } from '../helpers/serverProcess.ts';
import { killIfRunning, spawnDemoServer, type DemoServer } from '../helpers/demoServer.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { manyChaptersDocx } from '../helpers/docxFixtures.ts';
import { docOnDisk, storedDocNames } from '../helpers/docOnDisk.ts';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { upload } from '../helpers/importApi.ts';
import { storeUnderTest } from '../helpers/postgres/testDatabase.ts';
import { processCpuMs } from '../helpers/processCpu.ts';
import { decodeImportEntry } from '@dalil/server/import/importJournalFile.ts';
import { IMAGE_FILES_DIR, IMAGES_DIR } from '@dalil/server/storage/dataDirLayout.ts';

const CHAPTERS = 400;
const PICTURES = 5;
/** Starting takes seconds of module loading: on a machine loaded many times over, more than 20. */
const START_TIMEOUT_MS = 90_000;
const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('kill -9 in the middle of an import', () => {
  const dir = tempDir();
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await killIfRunning(server);
    dir.remove();
  });
  const importsDir = join(dir.path, 'imports');
  const imageFiles = join(dir.path, IMAGES_DIR, IMAGE_FILES_DIR);
  /** The image files there were before the import (the demo guide's). */
  let imageFilesBefore: string[] = [];
  const journals = () => list(importsDir).filter((f) => f.endsWith('.json'));

  /** What the test sees of the import under way. */
  interface Moment {
    /** The import's journal exists: the file is converted. */
    journaled: boolean;
    docsWritten: number;
    /** CPU time the server has used since the request was sent (NaN where /proc is not). */
    cpuMs: number;
    /** The request has its answer. */
    answered: boolean;
  }

  /**
   * Starts a server, sends the import, kills the server once `killWhen` sees the moment, restarts
   * it; returns the guides the import left, the documents before it, and whether a journal
   * existed right after the kill.
   */
  async function importKilled(
    file: Buffer,
    killWhen: (moment: Moment) => boolean,
    afterKill: () => void = () => {},
  ): Promise<{ imported: GuideSummary[]; docsBefore: string[]; journaledAtKill: boolean; again: DemoServer['api'] }> {
    const first = await spawnDemoServer(dir.path, {}, START_TIMEOUT_MS);
    server = first.server;
    const pid = server.child.pid!;
    const guidesBefore = (await first.api.ok<GuideSummary[]>('GET', '/api/guides')).map((g) => g.id);
    imageFilesBefore = list(imageFiles);
    const docsBefore = await storedDocNames(dir.path);
    const cpuBefore = processCpuMs(pid) ?? 0;
    let answered = false;
    const request = upload(first.api, '/api/guides/import?splitLevel=1', file, 'volumineux.docx')
      .catch(() => null)
      .finally(() => (answered = true));
    await waitFor(
      'the moment to kill',
      async () => {
        const docsWritten = (await storedDocNames(dir.path)).length - docsBefore.length;
        const cpuMs = (processCpuMs(pid) ?? Number.NaN) - cpuBefore;
        // Read last: what it says is at most a few milliseconds old when the kill comes.
        const journaled = journals().length > 0;
        return killWhen({ journaled, docsWritten, cpuMs, answered }) ? true : null;
      },
      { timeoutMs: 60_000, intervalMs: 2 },
    );
    server.child.kill('SIGKILL');
    const journaledAtKill = journals().length > 0;
    await server.exited;
    await request;
    afterKill();

    const second = await spawnDemoServer(dir.path, {}, START_TIMEOUT_MS);
    server = second.server;
    // Whatever the journal said was done at start: undone, or finished.
    expect(journals()).toEqual([]);
    const imported = (await second.api.ok<GuideSummary[]>('GET', '/api/guides')).filter((g) => !guidesBefore.includes(g.id));
    return { imported, docsBefore, journaledAtKill, again: second.api };
  }

  it('before its commit (converting the file): leaves nothing of it after a restart', async () => {
    // Ten times the text, so that the conversion lasts (hundreds of ms of CPU); nothing is written
    // before it ends, so the moment is told by the server's CPU time.
    // Its pictures' files are placed as they are cleaned, at the start of the conversion.
    let placedAtKill: string[] = [];
    const { imported, docsBefore, journaledAtKill } = await importKilled(
      await manyChaptersDocx(CHAPTERS, 30, PICTURES),
      ({ journaled, cpuMs, answered }) => !answered && !journaled && cpuMs >= 300,
      () => (placedAtKill = list(imageFiles)),
    );
    expect(journaledAtKill).toBe(false);
    expect(imported).toEqual([]);
    expect(await storedDocNames(dir.path)).toEqual(docsBefore);
    if (storeUnderTest() === 'embedded') {
      // The restart deleted them: no guide lists them.
      expect(placedAtKill.length).toBeGreaterThanOrEqual(imageFilesBefore.length + PICTURES);
      expect(list(imageFiles)).toEqual(imageFilesBefore);
    }
    await killIfRunning(server);
  }, 400_000);

  it('while its documents are written: the restart leaves the whole guide, every chapter with its text and every picture, or nothing', async () => {
    // Embedded: the journal holds the pictures' bytes, whose files are synced after the commit. A
    // power cut would leave such a file empty; a kill -9 does not, so the test empties them.
    let emptied: string[] = [];
    const { imported, docsBefore, again } = await importKilled(
      await manyChaptersDocx(CHAPTERS, 3, PICTURES),
      ({ journaled, docsWritten }) => journaled && docsWritten > 0,
      () => {
        const [journal] = journals();
        if (!journal) return;
        const entry = decodeImportEntry(readFileSync(join(importsDir, journal)));
        emptied = (entry.images ?? []).map((i) => i.name);
        for (const name of emptied) writeFileSync(join(dir.path, IMAGES_DIR, IMAGE_FILES_DIR, name), '');
      },
    );
    if (storeUnderTest() === 'embedded') expect(emptied).toHaveLength(PICTURES);
    const leftBehind = (await storedDocNames(dir.path)).length - docsBefore.length;
    if (storeUnderTest() === 'postgres') {
      // PostgreSQL: the documents are written before the commit, so this kill may come before it.
      if (imported.length === 0) expect(leftBehind).toBe(0);
    } else {
      // Embedded: they are written after the commit, from the journal, which the restart finishes.
      expect(imported).toHaveLength(1);
    }
    if (imported.length === 0) return;
    expect(imported).toHaveLength(1);
    const guide = await again.ok<GuideView>('GET', `/api/guides/${imported[0]!.id}`);
    expect(guide.sections).toHaveLength(CHAPTERS);
    expect(leftBehind).toBe(CHAPTERS);
    for (const section of [guide.sections[0]!, guide.sections[CHAPTERS - 1]!]) {
      const { doc } = await docOnDisk(dir.path, section.docName);
      expect(doc.getXmlFragment(SECTION_FRAGMENT).toString()).toContain(`du chapitre ${section.title.replace('Chapitre ', '')},`);
    }
    // Each picture is served whole, by the URL its chapter's figure names.
    for (const section of guide.sections.slice(0, PICTURES)) {
      const { doc } = await docOnDisk(dir.path, section.docName);
      const src = /src="([^"]+)"/.exec(doc.getXmlFragment(SECTION_FRAGMENT).toString())?.[1];
      expect(src).toMatch(/^\/api\/guides\/[^/]+\/images\/[0-9a-f]{64}$/);
      const res = await fetch(again.baseUrl + src!, { headers: { cookie: again.cookie! } });
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(src!.split('/').pop());
    }
    // And the same file imports whole afterwards.
    const res = await upload<{ sectionCount: number }>(again, '/api/guides/import?splitLevel=1', await manyChaptersDocx(CHAPTERS, 3, PICTURES), 'volumineux.docx');
    expect(res.status).toBe(201);
    expect(res.body.sectionCount).toBe(CHAPTERS);
  }, 400_000);
});
