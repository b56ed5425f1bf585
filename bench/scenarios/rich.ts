/**
 * Bench scenario "rich": a long section holding ~10,000 words, 20 tables, 30 figures and 20 boxes,
 * opened in Chromium, next to a plain-text section of the same length. Measures the time from
 * navigation to an editable editor holding the whole text, and keystroke-to-paint while typing
 * (from the keydown event's timestamp to the frame after the edit is applied, measured in the page).
 * Run alone with `BENCH_ONLY=rich pnpm bench`.
 */
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { startApp } from '../../tests/e2e/support/app.ts';
import { launchBrowser, openUser } from '../../tests/e2e/support/browser.ts';
import { connectClient } from '../../tests/helpers/yClient.ts';
import { uploadImageFile } from '../../tests/helpers/imageUpload.ts';
import { smallPng } from '../../tests/helpers/testImages.ts';
import { waitFor } from '../../tests/helpers/waitFor.ts';
import { wordsGenerator } from '../support/sectionContent.ts';
import { installKeystrokeProbe, keystrokeSamples } from '../support/keystrokeProbe.ts';
import { round, summarize } from '../support/stats.ts';
import type { Row } from '../support/table.ts';
import type { Scenario } from '../support/scenario.ts';

const WORDS = 10_000;
const TABLES = 20;
const FIGURES = 30;
const BOXES = 20;
const KEYSTROKES = 120;
const LOADS = 3;

const el = (name: string, attrs: Record<string, unknown>, children: Array<Y.XmlElement | Y.XmlText>) => {
  const node = new Y.XmlElement(name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v as string);
  node.insert(0, children);
  return node;
};
const para = (text: string) => el('paragraph', {}, [new Y.XmlText(text)]);

/** ~WORDS words in paragraphs of 100, with tables, figures and boxes spread through the text when `rich`. */
function fill(fragment: Y.XmlFragment, rich: boolean, imageUrl: string, imageId: string): void {
  const word = wordsGenerator(7);
  const blocks: Y.XmlElement[] = [];
  const paragraphs = WORDS / 100;
  for (let i = 0; i < paragraphs; i++) {
    blocks.push(para(Array.from({ length: 100 }, word).join(' ') + (i === paragraphs - 1 ? ' FIN.' : '.')));
    if (!rich) continue;
    if (i % 5 === 0 && i / 5 < TABLES) {
      const row = (cell: string) => el('tableRow', {}, Array.from({ length: 4 }, () => el(cell, { colspan: 1, rowspan: 1 }, [para(word())])));
      blocks.push(el('table', { caption: `Tableau ${i / 5 + 1}` }, [row('tableHeader'), row('tableCell'), row('tableCell'), row('tableCell')]));
    }
    if (i % 3 === 1 && (i - 1) / 3 < FIGURES) {
      blocks.push(el('figure', { imageId, src: imageUrl, alt: 'Illustration', size: 'full', width: 40, height: 30 }, [new Y.XmlText(`Figure ${(i - 1) / 3 + 1}`)]));
    }
    if (i % 5 === 2 && (i - 2) / 5 < BOXES) {
      blocks.push(el('callout', { kind: 'goodPractice' }, [para(Array.from({ length: 20 }, word).join(' '))]));
    }
  }
  fragment.insert(0, blocks);
}

async function openAndType(page: Page, url: string): Promise<{ loadMs: number; keys: number[] }> {
  const start = Date.now();
  await page.goto(url);
  await page.locator('.ProseMirror[contenteditable="true"]').waitFor({ timeout: 60_000 });
  await page.locator('.ProseMirror', { hasText: 'FIN.' }).waitFor({ timeout: 60_000 });
  const loadMs = Date.now() - start;
  await installKeystrokeProbe(page);
  // type in the middle of the text, as an author would
  await page.locator('.ProseMirror p').nth(50).click();
  for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(i % 12 === 11 ? ' ' : 'a');
  const keys = await keystrokeSamples(page, KEYSTROKES - 5);
  return { loadMs, keys };
}

export async function richSectionRows(): Promise<{ rows: Row[]; details: unknown }> {
  const app = await startApp();
  const browser = await launchBrowser();
  try {
    const owner = await app.user('Banc Contenu');
    const { guide, section: rich } = await owner.api.guideWithSection();
    const plain = await owner.api.createSection(guide.id, 'Texte seul');
    const upload = await uploadImageFile(owner.api, guide.id, await smallPng());
    if (upload.status !== 200 && upload.status !== 201) throw new Error(`image upload failed: ${upload.status}`);
    for (const [section, isRich] of [[rich, true], [plain, false]] as const) {
      const writer = connectClient(app.server.wsUrl, section.docName, { cookie: owner.cookie });
      await waitFor('writer synced', () => writer.provider.synced, { timeoutMs: 120_000 });
      writer.doc.transact(() => fill(writer.fragment, isRich, upload.body.url, upload.body.id));
      const check = connectClient(app.server.wsUrl, section.docName, { cookie: owner.cookie });
      await waitFor('check synced', () => check.provider.synced, { timeoutMs: 120_000 });
      await waitFor('server has the section', () => check.fragment.length === writer.fragment.length, { timeoutMs: 30_000 });
      check.destroy();
      writer.destroy();
    }
    const measure = async (sectionId: string) => {
      const loads: number[] = [];
      const keys: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        const user = await openUser(browser, { cookie: owner.cookie, baseUrl: app.url, viewport: { width: 1280, height: 900 } });
        const run = await openAndType(user.page, `${app.url}/guides/${guide.id}/sections/${sectionId}`);
        loads.push(run.loadMs);
        if (i === LOADS - 1) keys.push(...run.keys);
        await user.context.close();
      }
      return { load: summarize(loads), keys: summarize(keys) };
    };
    const richRun = await measure(rich.id);
    const plainRun = await measure(plain.id);
    const row = (metric: string, d: number, r: number): Row => ({ metric, unit: 'ms', dalil: round(d, 1), reference: round(r, 1), ratio: r > 0 ? round(d / r, 2) : null, target: null, pass: null });
    return {
      rows: [
        row('rich section (10k words, 20 tables, 30 figures, 20 boxes) → editable, p50 [vs plain text]', richRun.load.p50, plainRun.load.p50),
        row('rich section keystroke → paint p50 [vs plain text]', richRun.keys.p50, plainRun.keys.p50),
        row('rich section keystroke → paint p95 [vs plain text]', richRun.keys.p95, plainRun.keys.p95),
      ],
      details: { rich: richRun, plain: plainRun, words: WORDS, tables: TABLES, figures: FIGURES, boxes: BOXES, keystrokes: KEYSTROKES, loads: LOADS },
    };
  } finally {
    await browser.close();
    await app.stop();
  }
}

export const rich: Scenario = {
  name: 'rich',
  async run() {
    const result = await richSectionRows();
    return { rows: result.rows, details: { rich: result.details } };
  },
};
