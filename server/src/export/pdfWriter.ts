import { execFile } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import type { ExportDocument } from './exportDocument.ts';
import { writeHtml } from './htmlWriter.ts';
import { ChromiumMissing } from './chromiumMissing.ts';

const run = promisify(execFile);


const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// One PDF at a time: Chromium takes a core and a few hundred MB; parallel exports queue.
let queue: Promise<unknown> = Promise.resolve();

/**
 * A4 PDF of the guide, printed by headless Chromium from the HTML export (print stylesheet:
 * running header with the provisional mark, page numbers in the bottom margin). Chromium cannot
 * number pages in a table of contents, so it prints twice: the first time with an invisible probe
 * in each section heading, whose page `pdftotext` finds; the second with those numbers in the
 * table of contents. Without pdftotext the table of contents has no page numbers.
 */
export function writePdf(doc: ExportDocument, chromiumPath: string): Promise<Uint8Array> {
  try {
    accessSync(chromiumPath, constants.X_OK);
  } catch {
    return Promise.reject(new ChromiumMissing(chromiumPath));
  }
  const job = queue.then(() => printTwice(doc, chromiumPath));
  queue = job.catch(() => {});
  return job;
}

async function printTwice(doc: ExportDocument, chromiumPath: string): Promise<Uint8Array> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, timeout: 30_000 });
  try {
    // no script may run and nothing may be fetched: the HTML is self-contained
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const print = async (html: string) => {
      await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
      return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }));
    };
    const probes = new Map(doc.sections.map((s, i) => [s.id, `DALILPROBE${i}X`]));
    const first = await print(writeHtml(doc, { probes }));
    const pages = await probePages(first, probes);
    return fixPdfDates(pages ? await print(writeHtml(doc, { tocPages: pages })) : first, doc.date);
  } finally {
    await browser.close();
  }
}

/** The page each probe was printed on, or null when pdftotext is not installed. */
async function probePages(pdf: Uint8Array, probes: Map<string, string>): Promise<Map<string, number> | null> {
  const dir = mkdtempSync(join(tmpdir(), 'dalil-pdf-'));
  try {
    const file = join(dir, 'pass1.pdf');
    writeFileSync(file, pdf);
    let text: string;
    try {
      ({ stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 256 * 1024 * 1024 }));
    } catch {
      return null;
    }
    const pageTexts = text.split('\f');
    const pages = new Map<string, number>();
    for (const [id, probe] of probes) {
      const index = pageTexts.findIndex((t) => t.includes(probe));
      if (index >= 0) pages.set(id, index + 1);
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Chromium stamps the PDF with the time it was printed; the content's own date (noon UTC) goes in
 * its place, same length so the cross-reference offsets stay right: the same content gives the same bytes.
 */
function fixPdfDates(pdf: Uint8Array, date: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const stamp = `D:${date.replaceAll('-', '')}120000+00'00'`;
  const fixed = text.replace(/\/(CreationDate|ModDate) \(D:\d{14}[+-]\d{2}'\d{2}'\)/g, (_, key: string) => `/${key} (${stamp})`);
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}
