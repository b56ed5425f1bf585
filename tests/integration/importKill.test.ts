import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { GuideSummary, GuideView } from '@dalil/shared';
import type { ServerProcess } from '../helpers/serverProcess.ts';
import { killIfRunning, spawnDemoServer } from '../helpers/demoServer.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { manyChaptersDocx } from '../helpers/docxFixtures.ts';
import { storedDocNames } from '../helpers/docOnDisk.ts';
import { upload } from '../helpers/importApi.ts';

const CHAPTERS = 400;
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

  it('leaves, after a restart, the whole guide or nothing of it', async () => {
    const file = await manyChaptersDocx(CHAPTERS);
    const first = await spawnDemoServer(dir.path, {}, START_TIMEOUT_MS);
    server = first.server;
    const api = first.api;
    const guidesBefore = (await api.ok<GuideSummary[]>('GET', '/api/guides')).map((g) => g.id);
    const importsDir = join(dir.path, 'imports');
    const docsBefore = await storedDocNames(dir.path);

    const request = upload(api, '/api/guides/import?splitLevel=1', file, 'volumineux.docx').catch(() => null);
    // Killed while the import is writing its documents: its journal exists and some are on disk.
    const seen = await waitFor(
      'the import writing its documents',
      async () => {
        const journals = list(importsDir).filter((f) => f.endsWith('.json'));
        if (journals.length === 0) return null;
        const written = (await storedDocNames(dir.path)).length - docsBefore.length;
        return journals.length > 0 && written > 0 ? { written } : null;
      },
      { timeoutMs: 60_000, intervalMs: 2 },
    );
    server.child.kill('SIGKILL');
    await server.exited;
    await request;
    expect(seen.written).toBeLessThan(CHAPTERS * 2);
    const leftBehind = (await storedDocNames(dir.path)).length - docsBefore.length;
    expect(leftBehind, 'the kill left documents of the import on disk').toBeGreaterThan(0);

    const second = await spawnDemoServer(dir.path, {}, START_TIMEOUT_MS);
    server = second.server;
    const again = second.api;
    const guides = await again.ok<GuideSummary[]>('GET', '/api/guides');
    const imported = guides.filter((g) => !guidesBefore.includes(g.id));
    expect(list(importsDir).filter((f) => f.endsWith('.json'))).toEqual([]);
    if (imported.length === 0) {
      // Nothing: not a guide, not a document of it.
      expect(await storedDocNames(dir.path)).toEqual(docsBefore);
    } else {
      // Everything: one guide with every chapter, each with its text.
      expect(imported).toHaveLength(1);
      const guide = await again.ok<GuideView>('GET', `/api/guides/${imported[0]!.id}`);
      expect(guide.sections).toHaveLength(CHAPTERS);
      const docs = new Set(await storedDocNames(dir.path));
      expect(guide.sections.every((s) => docs.has(s.docName))).toBe(true);
    }
    // And the same file imports whole afterwards.
    const res = await upload<{ sectionCount: number }>(again, '/api/guides/import?splitLevel=1', file, 'volumineux.docx');
    expect(res.status).toBe(201);
    expect(res.body.sectionCount).toBe(CHAPTERS);
  }, 400_000);
});
