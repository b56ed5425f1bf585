/**
 * Reading view and versions of a 200-section guide (issue 16): time to first content and to full
 * render of the reading view in Chromium, time and peak memory of the server to make a version,
 * bytes a second version adds when one section changed. `BENCH_ONLY=versions pnpm bench`.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import type { SectionContents, VersionSummary } from '@dalil/shared/api/versions.ts';
import { Api } from '../../tests/helpers/api.ts';
import { createUser } from '../../tests/helpers/accounts.ts';
import { BENCH_GUIDE, createGeneratedGuide, generateGuide } from '../../tests/helpers/generatedGuide.ts';
import { startServer } from '../../tests/helpers/inProcessServer.ts';
import { connectClient } from '../../tests/helpers/yClient.ts';
import { waitFor } from '../../tests/helpers/waitFor.ts';
import { ensureClientBuilt } from '../../tests/e2e/support/app.ts';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { memoryOf, resetPeakMemory, spawnDalil } from '../support/processes.ts';
import { mib, round } from '../support/stats.ts';
import type { Row } from '../support/table.ts';
import type { Scenario } from '../support/scenario.ts';

const clientDist = resolve(import.meta.dirname, '../../client/dist');
const READING_ROUNDS = 3;

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (metric: string, unit: string, value: number, digits = 1): Row => ({ metric, unit, dalil: round(value, digits), reference: null, ratio: null, target: null, pass: null });

export async function benchGuideVersions(log: (message: string) => void): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dalil-bench-versions-'));
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  let stopServer: (() => Promise<void>) | null = null;
  let closeBrowser: (() => Promise<void>) | null = null;
  try {
    // Seeded in-process (documents written before anyone opens them), then served by the real entry point.
    log(`versions: generating a ${BENCH_GUIDE.sections}-section guide`);
    const generated = generateGuide(BENCH_GUIDE);
    const seeding = await startServer({ RATE_LIMIT_PER_MINUTE: '1000000' }, { dataDir });
    const user = await createUser(seeding, 'Banc versions');
    const { guide, sections } = await createGeneratedGuide(seeding, user.api, generated);
    await seeding.stop();
    details.guide = { sections: sections.length, spec: BENCH_GUIDE };

    ensureClientBuilt();
    const server = await spawnDalil(dataDir, { env: { CLIENT_DIST: clientDist } });
    stopServer = () => server.stop();
    const api = new Api(server.url);
    api.cookie = user.api.cookie;
    api.csrfToken = user.api.csrfToken;

    // Reading view: first round cold (no document loaded on the server), then warm.
    const browser = await launchBrowser();
    closeBrowser = () => browser.close();
    const firstContent: number[] = [];
    const complete: number[] = [];
    for (let round = 0; round < READING_ROUNDS; round++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const [name, ...value] = user.cookie.split('=');
      await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/guides/${guide.id}/read`);
      await page.locator('[data-complete="true"]').waitFor({ timeout: 180_000 });
      const marks = await page.evaluate(() => ({
        first: performance.getEntriesByName('dalil:reading:first-content')[0]?.startTime ?? NaN,
        complete: performance.getEntriesByName('dalil:reading:complete')[0]?.startTime ?? NaN,
        sections: document.querySelectorAll('.reading-section[data-loaded]').length,
        resources: performance
          .getEntriesByType('resource')
          .map((e) => `${e.name.replace(location.origin, '').slice(0, 60)} ${e.startTime.toFixed(0)}→${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`),
      }));
      if (process.env.BENCH_VERBOSE === '1') log(marks.resources.join('\n'));
      if (marks.sections !== sections.length) throw new Error(`reading view showed ${marks.sections} of ${sections.length} sections`);
      firstContent.push(marks.first);
      complete.push(marks.complete);
      log(`versions: reading view round ${round + 1}: first content ${round === 0 ? '(cold) ' : ''}${marks.first.toFixed(0)} ms, complete ${marks.complete.toFixed(0)} ms`);
      await context.close();
    }
    await browser.close();
    closeBrowser = null;
    rows.push(row('reading view 200 sections: first content (cold server)', 'ms', firstContent[0]!, 0));
    rows.push(row('reading view 200 sections: full render (cold server)', 'ms', complete[0]!, 0));
    rows.push(row('reading view 200 sections: first content (median, warm)', 'ms', median(firstContent.slice(1)), 0));
    rows.push(row('reading view 200 sections: full render (median, warm)', 'ms', median(complete.slice(1)), 0));
    details.reading = { firstContentMs: firstContent, completeMs: complete };

    // A version: time, and the server's peak memory while it is made.
    const versionsDir = join(dataDir, 'versions');
    const before = dirBytes(versionsDir);
    resetPeakMemory(server.pid);
    const rssBefore = memoryOf(server.pid).rss;
    const t0 = performance.now();
    await api.ok<VersionSummary>('POST', `/api/guides/${guide.id}/versions`, { kind: 'provisional', label: 'bench 1' });
    const createMs = performance.now() - t0;
    const { hwm } = memoryOf(server.pid);
    const firstBytes = dirBytes(versionsDir) - before;
    rows.push(row('version of 200 sections: time to create', 'ms', createMs, 0));
    rows.push(row('version of 200 sections: server peak RSS', 'MiB', mib(hwm)));
    rows.push(row('version of 200 sections: peak RSS above baseline', 'MiB', mib(hwm - rssBefore)));
    rows.push(row('version of 200 sections: bytes stored (first version)', 'KiB', firstBytes / 1024));

    // One section changes, then a second version: only that section's content is new.
    const changed = sections[Math.floor(sections.length / 2)]!;
    const client = connectClient(server.wsUrl, changed.docName, { cookie: user.cookie });
    await client.synced();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Paragraphe ajouté entre deux versions.')]);
    client.fragment.insert(0, [p]);
    await waitFor('the edit reached the server', async () => {
      const reply = await api.ok<SectionContents>('GET', `/api/guides/${guide.id}/versions/current/content?ids=${changed.id}`);
      return JSON.stringify(reply.sections[0]?.layout).includes('entre deux versions');
    }, { timeoutMs: 30_000, intervalMs: 200 });
    client.destroy();
    const beforeSecond = dirBytes(versionsDir);
    const t1 = performance.now();
    await api.ok<VersionSummary>('POST', `/api/guides/${guide.id}/versions`, { kind: 'provisional', label: 'bench 2' });
    const secondMs = performance.now() - t1;
    const secondBytes = dirBytes(versionsDir) - beforeSecond;
    rows.push(row('second version, one section changed: time to create', 'ms', secondMs, 0));
    rows.push(row('second version, one section changed: bytes added', 'KiB', secondBytes / 1024));
    details.versions = { createMs, secondMs, firstBytes, secondBytes, peakRss: hwm, rssBefore };
    return { rows, details };
  } finally {
    await closeBrowser?.().catch(() => {});
    await stopServer?.().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const versions: Scenario = {
  name: 'versions',
  async run(bench) {
    const result = await benchGuideVersions(bench.log);
    return { rows: result.rows, details: { versions: result.details } };
  },
};
