import mammoth from 'mammoth';
import type { ImportedGuide, ImportPreview } from '@dalil/shared/api/import.ts';
import { largeGuideDocx } from '../../tests/helpers/docxFixtures.ts';
import { upload } from '../../tests/helpers/importApi.ts';
import { startServer } from '../../tests/helpers/inProcessServer.ts';
import { createUser } from '../../tests/helpers/accounts.ts';
import { mib, round } from '../support/stats.ts';
import type { Row } from '../support/table.ts';
import type { Scenario } from '../support/scenario.ts';

/** Rounds after the warm-up (1–50, 15 by default). */
const RUNS = Math.max(1, Math.min(50, Number.parseInt(process.env.BENCH_IMPORT_ROUNDS ?? '15', 10) || 15));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** Highest resident memory of this process while `run` runs (sampled every 10 ms). */
async function peakRss<T>(run: () => Promise<T>): Promise<{ peak: number; value: T }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const value = await run();
    return { peak: Math.max(peak, process.memoryUsage().rss), value };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Import of a generated 100-page DOCX (about 40,000 words, 30 tables, 40 images) through the HTTP
 * API of a Dalil server in this process (the scenario's own process: a spawned one did not start
 * within its 20 s on a machine loaded 30 deep): preview time, import time (guide, sections,
 * documents and images written durably; the time until the sections' documents are written, which
 * follows the reply, is reported beside it) and the process's peak memory, next to mammoth's own
 * conversion of the same file (images read, not encoded), which is what Dalil's pipeline adds to.
 * Each side is warmed up once, then each round (15) runs mammoth, a preview and an import of one file,
 * whose pictures no earlier round had (an import writes its images' files, as a real one does);
 * times are medians, ratios the median of each round's own ratio (a burst of outside load moves
 * the three runs of a round, not the ratio).
 */
export async function docxImportBench(log: (message: string) => void): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  // Round i converts files[i]: the same text, pictures new to the store (file 0 is the warm-up's).
  const files = await Promise.all(Array.from({ length: RUNS + 1 }, (_, variant) => largeGuideDocx({ variant })));
  const file = files[0]!;
  log(`docx import: ${round(file.byteLength / 1024, 0)} kB file`);
  const mammothOnce = (docx: Buffer) =>
    mammoth.convertToHtml({ buffer: docx }, { convertImage: mammoth.images.imgElement(async (image) => ({ src: `x${(await image.readAsArrayBuffer()).byteLength}` })) });
  // Warm-up, as for Dalil below: a first conversion in a fresh process runs several times slower.
  await mammothOnce(file);
  const mammothMs: number[] = [];

  const server = await startServer({ IMPORT_MAX_BYTES: String(100 * 1024 * 1024), RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    const { api } = await createUser(server, 'Banc d’essai');
    const rssBefore = process.memoryUsage().rss;
    // Warm-up: the import modules load on first use.
    await upload(api, '/api/guides/import/preview', file, 'bench.docx');
    await upload(api, '/api/guides/import', file, 'bench.docx');
    const previewMs: number[] = [];
    const importMs: number[] = [];
    const writtenMs: number[] = [];
    let peak = 0;
    let preview: ImportPreview | null = null;
    for (let i = 0; i < RUNS; i++) {
      const docx = files[i + 1]!;
      // mammoth in the same round as Dalil's runs: a burst of outside load moves both.
      mammothMs.push((await timed(() => mammothOnce(docx))).ms);
      const p = await peakRss(() => timed(() => upload<ImportPreview>(api, '/api/guides/import/preview', docx, 'bench.docx')));
      if (p.value.value.status !== 200) throw new Error(`preview answered ${p.value.value.status}`);
      preview = p.value.value.body;
      previewMs.push(p.value.ms);
      const g = await peakRss(() => timed(() => upload<ImportedGuide>(api, '/api/guides/import', docx, 'bench.docx')));
      if (g.value.value.status !== 201) throw new Error(`import answered ${g.value.value.status}`);
      importMs.push(g.value.ms);
      // The sections' documents are written after the reply: their time is reported, and the next
      // round (mammoth's run first) starts only once they are.
      writtenMs.push(g.value.ms + (await timed(() => server.importsWritten())).ms);
      peak = Math.max(peak, p.peak, g.peak);
    }
    const counts = preview!.sections.reduce(
      (n, s) => ({ words: n.words + s.words, tables: n.tables + s.tables, images: n.images + s.images }),
      { words: 0, tables: 0, images: 0 },
    );
    log(`docx import: ${preview!.sections.length} sections, ${counts.words} words, ${counts.tables} tables, ${counts.images} images`);
    const m = median(mammothMs);
    // Each round's own ratio: its three runs shared whatever load the machine had then.
    const ratioOf = (ms: number[]) => median(ms.map((d, i) => d / mammothMs[i]!));
    const row = (metric: string, ms: number[], factor?: number): Row => {
      const ratio = ratioOf(ms);
      return {
        metric,
        unit: 'ms',
        dalil: round(median(ms), 0),
        reference: round(m, 0),
        ratio: round(ratio, 2),
        target: factor ? `≤ ${factor}× mammoth` : null,
        pass: factor ? ratio <= factor : null,
      };
    };
    return {
      rows: [
        row('DOCX import: preview of a 100-page file (vs mammoth alone)', previewMs, 1.5),
        row('DOCX import: new guide from it (vs mammoth alone)', importMs, 1.5),
        row('DOCX import: new guide, until its 50 documents are written', writtenMs),
        { metric: 'DOCX import: peak memory of the process (server and client)', unit: 'MiB', dalil: round(mib(peak), 0), reference: null, ratio: null, target: null, pass: null },
      ],
      details: { fileBytes: file.byteLength, counts, ratios: { preview: ratioOf(previewMs), import: ratioOf(importMs), written: ratioOf(writtenMs) }, sections: preview!.sections.length, mammothMs, previewMs, importMs, writtenMs, peakBytes: peak, rssBeforeBytes: rssBefore },
    };
  } finally {
    await server.dispose();
  }
}

export const docxImport: Scenario = {
  name: 'import',
  async run(bench) {
    const result = await docxImportBench(bench.log);
    return { rows: result.rows, details: { docxImport: result.details } };
  },
};
