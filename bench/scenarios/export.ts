/**
 * Export of the generated 200-section guide (issue 17): time and server peak memory to export DOCX,
 * PDF and HTML over HTTP from the real server process; beside the DOCX figure, the time pandoc
 * takes to turn Dalil's own HTML export of the same guide into DOCX. `BENCH_ONLY=export pnpm bench`.
 *
 * The PDF's Chromium is a child process: its memory is reported apart (peak RSS of the Chromium
 * processes sampled every 100 ms), not in the server's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Api } from '../../tests/helpers/api.ts';
import { createUser } from '../../tests/helpers/accounts.ts';
import { BENCH_GUIDE, createGeneratedGuide, generateGuide } from '../../tests/helpers/generatedGuide.ts';
import { startServer } from '../../tests/helpers/inProcessServer.ts';
import { memoryOf, resetPeakMemory, spawnDalil } from '../support/processes.ts';
import { mib, round } from '../support/stats.ts';
import type { Row } from '../support/table.ts';
import type { Scenario } from '../support/scenario.ts';

const ROUNDS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (metric: string, unit: string, value: number, digits = 1): Row => ({ metric, unit, dalil: round(value, digits), reference: null, ratio: null, target: null, pass: null });

/** Summed RSS of the Chromium processes whose parent chain leads to `pid` (PDF export), in bytes. */
function chromiumRss(pid: number): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      parents.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024);
      names.set(Number(entry), /^Name:\s+(.*)$/m.exec(status)?.[1] ?? '');
    } catch {
      /* gone meanwhile */
    }
  }
  const descends = (p: number) => {
    for (let q = parents.get(p), guard = 0; q && guard < 64; q = parents.get(q), guard++) if (q === pid) return true;
    return false;
  };
  let total = 0;
  for (const [p, bytes] of rss) if (descends(p) && /chrom/i.test(names.get(p) ?? '')) total += bytes;
  return total;
}

/**
 * GET with one retry when the socket was closed under us (undici reusing a keep-alive socket the
 * server just closed): a transport hiccup, not an export failure.
 */
async function getFile(url: string, cookie: string): Promise<{ status: number; body: Uint8Array }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, { headers: { cookie } });
      return { status: res.status, body: new Uint8Array(await res.arrayBuffer()) };
    } catch (err) {
      if (attempt >= 2) throw err;
    }
  }
}

export async function benchGuideExport(log: (message: string) => void): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dalil-bench-export-'));
  const work = mkdtempSync(join(tmpdir(), 'dalil-bench-export-files-'));
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  let stopServer: (() => Promise<void>) | null = null;
  try {
    log(`export: generating a ${BENCH_GUIDE.sections}-section guide`);
    const seeding = await startServer({ RATE_LIMIT_PER_MINUTE: '1000000' }, { dataDir });
    const user = await createUser(seeding, 'Banc export');
    const { guide, sections } = await createGeneratedGuide(seeding, user.api, generateGuide(BENCH_GUIDE));
    await seeding.stop();
    details.guide = { sections: sections.length, spec: BENCH_GUIDE };

    const server = await spawnDalil(dataDir, { env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    stopServer = () => server.stop();
    const api = new Api(server.url);
    api.cookie = user.api.cookie;

    for (const format of ['docx', 'html', 'pdf'] as const) {
      const times: number[] = [];
      let peak = 0;
      let peakAbove = 0;
      let chromiumPeak = 0;
      let bytes = 0;
      // a PDF of 200 sections prints twice (see pdfWriter): one round is enough on a shared machine
      const rounds = format === 'pdf' ? 1 : ROUNDS;
      for (let i = 0; i < rounds; i++) {
        resetPeakMemory(server.pid);
        const before = memoryOf(server.pid).rss;
        const sampler = format === 'pdf' ? setInterval(() => (chromiumPeak = Math.max(chromiumPeak, chromiumRss(server.pid))), 100) : null;
        const t0 = performance.now();
        const res = await getFile(`${server.url}/api/guides/${guide.id}/export?format=${format}`, user.cookie);
        const body = res.body;
        const ms = performance.now() - t0;
        if (sampler) clearInterval(sampler);
        if (res.status !== 200) throw new Error(`export ${format} answered ${res.status}: ${new TextDecoder().decode(body).slice(0, 200)}`);
        const { hwm } = memoryOf(server.pid);
        times.push(ms);
        peak = Math.max(peak, hwm);
        peakAbove = Math.max(peakAbove, hwm - before);
        bytes = body.byteLength;
        if (i === 0) writeFileSync(join(work, `guide.${format}`), body);
        log(`export: ${format} round ${i + 1}: ${ms.toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB, server peak ${mib(hwm).toFixed(0)} MiB`);
      }
      rows.push(row(`export 200 sections ${format.toUpperCase()}: time (median of ${rounds})`, 'ms', median(times), 0));
      rows.push(row(`export 200 sections ${format.toUpperCase()}: server peak RSS`, 'MiB', mib(peak)));
      rows.push(row(`export 200 sections ${format.toUpperCase()}: peak RSS above baseline`, 'MiB', mib(peakAbove)));
      rows.push(row(`export 200 sections ${format.toUpperCase()}: file size`, 'KiB', bytes / 1024, 0));
      if (format === 'pdf') rows.push(row('export 200 sections PDF: Chromium peak RSS (sampled)', 'MiB', mib(chromiumPeak)));
      details[format] = { ms: times, peakRss: peak, peakAboveBaseline: peakAbove, bytes, ...(format === 'pdf' ? { chromiumPeak } : {}) };

      if (format === 'docx') {
        // the reference: pandoc converting Dalil's own HTML export of the same guide (written below, reused here)
        const html = join(work, 'guide.html');
        writeFileSync(html, (await getFile(`${server.url}/api/guides/${guide.id}/export?format=html`, user.cookie)).body);
        if (spawnSync('pandoc', ['--version']).status !== 0) {
          log('export: pandoc not installed, no reference figure');
          continue;
        }
        const pandoc: number[] = [];
        for (let i = 0; i < ROUNDS; i++) {
          const t0 = performance.now();
          execFileSync('pandoc', ['-f', 'html', '-t', 'docx', '-o', join(work, 'pandoc.docx'), html]);
          pandoc.push(performance.now() - t0);
        }
        const dalil = median(times);
        const reference = median(pandoc);
        rows.push({ metric: 'export 200 sections DOCX vs pandoc HTML→DOCX of the same guide', unit: 'ms', dalil: round(dalil, 0), reference: round(reference, 0), ratio: round(dalil / reference, 2), target: '≤ 1 (not slower than pandoc)', pass: dalil <= reference });
        details.pandocMs = pandoc;
      }
    }
    return { rows, details };
  } finally {
    await stopServer?.().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

export const guideExport: Scenario = {
  name: 'export',
  async run(bench) {
    const result = await benchGuideExport(bench.log);
    return { rows: result.rows, details: { export: result.details } };
  },
};
