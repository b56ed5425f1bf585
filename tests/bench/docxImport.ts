import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import type { ImportedGuide, ImportPreview } from '@dalil/shared/api/import.ts';
import { largeGuideDocx } from '../helpers/docxFixtures.ts';
import { upload } from '../helpers/importApi.ts';
import { Api } from '../helpers/api.ts';
import { addBenchAccount } from './dalilSetup.ts';
import { memoryOf, resetPeakMemory, spawnDalil } from './processes.ts';
import { mib, round } from './stats.ts';
import type { Row } from './table.ts';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/**
 * Import of a generated 100-page DOCX (about 40,000 words, 30 tables, 40 images) into a Dalil
 * server process: preview time, import time (guide, sections, documents and images written) and the
 * server's peak memory, next to mammoth's own conversion of the same file (images read, not
 * encoded), which is what Dalil's pipeline adds to. Medians of three runs.
 */
export async function docxImportBench(log: (message: string) => void): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const file = await largeGuideDocx();
  log(`docx import: ${round(file.byteLength / 1024, 0)} kB file`);
  const mammothMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await timed(() =>
      mammoth.convertToHtml({ buffer: file }, { convertImage: mammoth.images.imgElement(async (image) => ({ src: `x${(await image.readAsArrayBuffer()).byteLength}` })) }),
    );
    mammothMs.push(run.ms);
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'dalil-bench-import-'));
  await addBenchAccount(dataDir);
  const server = await spawnDalil(dataDir, { env: { IMPORT_MAX_BYTES: String(100 * 1024 * 1024) } });
  try {
    const api = new Api(server.url);
    await api.login('bench@dalil.test', 'banc-d-essai-2026');
    // Warm-up: the import modules load on first use.
    await upload(api, '/api/guides/import/preview', file, 'bench.docx');
    const previewMs: number[] = [];
    const importMs: number[] = [];
    let peak = 0;
    let preview: ImportPreview | null = null;
    for (let i = 0; i < RUNS; i++) {
      resetPeakMemory(server.pid);
      const p = await timed(() => upload<ImportPreview>(api, '/api/guides/import/preview', file, 'bench.docx'));
      if (p.value.status !== 200) throw new Error(`preview answered ${p.value.status}`);
      preview = p.value.body;
      previewMs.push(p.ms);
      const g = await timed(() => upload<ImportedGuide>(api, '/api/guides/import', file, 'bench.docx'));
      if (g.value.status !== 201) throw new Error(`import answered ${g.value.status}`);
      importMs.push(g.ms);
      peak = Math.max(peak, memoryOf(server.pid).hwm);
    }
    const counts = preview!.sections.reduce(
      (n, s) => ({ words: n.words + s.words, tables: n.tables + s.tables, images: n.images + s.images }),
      { words: 0, tables: 0, images: 0 },
    );
    log(`docx import: ${preview!.sections.length} sections, ${counts.words} words, ${counts.tables} tables, ${counts.images} images`);
    const m = median(mammothMs);
    const row = (metric: string, unit: string, d: number, factor?: number): Row => ({
      metric,
      unit,
      dalil: round(d, 0),
      reference: unit === 'ms' ? round(m, 0) : null,
      ratio: unit === 'ms' ? round(d / m, 2) : null,
      target: factor ? `≤ ${factor}× mammoth` : null,
      pass: factor ? d / m <= factor : null,
    });
    return {
      rows: [
        row('DOCX import: preview of a 100-page file (vs mammoth alone)', 'ms', median(previewMs), 1.5),
        row('DOCX import: new guide from it (vs mammoth alone)', 'ms', median(importMs), 1.5),
        { metric: 'DOCX import: server peak memory', unit: 'MiB', dalil: round(mib(peak), 0), reference: null, ratio: null, target: null, pass: null },
      ],
      details: { fileBytes: file.byteLength, counts, sections: preview!.sections.length, mammothMs, previewMs, importMs, peakBytes: peak },
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
