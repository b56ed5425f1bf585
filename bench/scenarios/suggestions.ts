/**
 * Bench scenario "suggestions": typing latency in suggesting mode against normal mode (same author,
 * same section, same text, in Chromium: keystroke to the frame after the change is drawn), and the
 * time to accept all of 100 suggestions of one person in a long section (one REST call; the server
 * writes them into the live document in one transaction). Run alone with `BENCH_ONLY=suggestions pnpm bench`.
 */
import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { encodeAnchorPosition } from '@dalil/shared';
import { startApp } from '../../tests/e2e/support/app.ts';
import { launchBrowser, openUser } from '../../tests/e2e/support/browser.ts';
import { connectClient } from '../../tests/helpers/yClient.ts';
import { waitFor } from '../../tests/helpers/waitFor.ts';
import { wordsGenerator } from '../support/sectionContent.ts';
import { installKeystrokeProbe, keystrokeSamples } from '../support/keystrokeProbe.ts';
import { round, summarize } from '../support/stats.ts';
import { absoluteRow } from '../support/rows.ts';
import type { Row } from '../support/table.ts';
import type { Scenario } from '../support/scenario.ts';

const PARAGRAPHS = 40; // ~4,000 words
const KEYSTROKES = 100;
const SUGGESTIONS = 100;
/** Accepting 100 suggestions is one click: it should feel immediate. */
const ACCEPT_ALL_TARGET_MS = 1000;

function fill(fragment: Y.XmlFragment): void {
  const word = wordsGenerator(11);
  const blocks = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(Array.from({ length: 100 }, word).join(' ') + (i === PARAGRAPHS - 1 ? ' FIN.' : '.'))]);
    return p;
  });
  fragment.insert(0, blocks);
}

/** Keystroke → paint samples while typing in paragraph `paragraph`, measured in the page. */
async function typeAndMeasure(page: Page, paragraph: number): Promise<number[]> {
  await installKeystrokeProbe(page);
  await page.locator('.ProseMirror p').nth(paragraph).click();
  for (let i = 0; i < KEYSTROKES; i++) await page.keyboard.type(i % 8 === 7 ? ' ' : 'e');
  return keystrokeSamples(page, KEYSTROKES - 5);
}

export const suggestions: Scenario = {
  name: 'suggestions',
  async run() {
    const app = await startApp();
    const browser = await launchBrowser();
    try {
      const author = await app.user('Banc Auteur');
      const contributor = await app.user('Banc Contributrice');
      const { guide, section } = await author.api.guideWithSection();
      await app.join(guide.id, contributor, 'contributor');
      const writer = connectClient(app.server.wsUrl, section.docName, { cookie: author.cookie });
      await waitFor('writer synced', () => writer.provider.synced, { timeoutMs: 60_000 });
      writer.doc.transact(() => fill(writer.fragment));
      await waitFor('server has the section', () => app.server.registry.get(section.docName)?.doc.getXmlFragment('default').length === PARAGRAPHS, { timeoutMs: 30_000 });

      // Typing: normal mode in one page, suggesting mode in a fresh one (same section, same place).
      const url = `${app.url}/guides/${guide.id}/sections/${section.id}`;
      const measure = async (suggesting: boolean) => {
        const user = await openUser(browser, { cookie: author.cookie, baseUrl: app.url, viewport: { width: 1280, height: 900 } });
        await user.page.goto(url);
        await user.page.locator('.ProseMirror', { hasText: 'FIN.' }).waitFor({ timeout: 60_000 });
        if (suggesting) await user.page.getByTestId('suggest-toggle').check();
        const keys = await typeAndMeasure(user.page, suggesting ? 20 : 10);
        // what was typed in suggesting mode is a suggestion drawn over the text, not text
        if (suggesting) await user.page.locator('.ProseMirror .suggestion-insert').first().waitFor({ timeout: 10_000 });
        await user.context.close();
        return summarize(keys);
      };
      const normal = await measure(false);
      const suggesting = await measure(true);

      // Accept-all: 100 suggestions of one person spread over the section (insertions, deletions, replacements).
      const texts = writer.fragment.toArray().map((p) => (p as Y.XmlElement).get(0) as Y.XmlText);
      const position = (text: Y.XmlText, index: number, assoc: number) => encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(text, index, assoc));
      const path = `/api/guides/${guide.id}/sections/${section.id}/suggestions`;
      for (let i = 0; i < SUGGESTIONS; i++) {
        const text = texts[i % texts.length]!;
        const from = 10 + Math.floor(i / texts.length) * 40;
        const body = i % 3 === 0
          ? { at: position(text, from, -1), text: ' ajout' }
          : i % 3 === 1
            ? { deleteFrom: position(text, from, 0), deleteTo: position(text, from + 5, -1) }
            : { deleteFrom: position(text, from, 0), deleteTo: position(text, from + 5, -1), text: 'remplacé' };
        const res = await contributor.api.request('POST', path, body);
        if (res.status !== 201) throw new Error(`suggestion refused: ${res.status} ${JSON.stringify(res.body)}`);
      }
      const started = performance.now();
      const all = await author.api.request<{ decided: number }>('POST', `${path}/accept-all`, { authorId: contributor.user.id });
      const acceptAllMs = performance.now() - started;
      if (all.status !== 200 || all.body.decided !== SUGGESTIONS) throw new Error(`accept-all failed: ${all.status} ${JSON.stringify(all.body)}`);
      writer.destroy();

      const row = (metric: string, d: number, r: number): Row => ({ metric, unit: 'ms', dalil: round(d, 1), reference: round(r, 1), ratio: r > 0 ? round(d / r, 2) : null, target: null, pass: null });
      return {
        rows: [
          row('suggesting mode keystroke → paint p50 [vs normal mode]', suggesting.p50, normal.p50),
          row('suggesting mode keystroke → paint p95 [vs normal mode]', suggesting.p95, normal.p95),
          absoluteRow(`accept all of ${SUGGESTIONS} suggestions (~4,000-word section)`, 'ms', acceptAllMs, null, ACCEPT_ALL_TARGET_MS, 1),
        ],
        details: { suggestions: { normal, suggesting, acceptAllMs, keystrokes: KEYSTROKES, suggestionsAccepted: SUGGESTIONS, paragraphs: PARAGRAPHS } },
      };
    } finally {
      await browser.close();
      await app.stop();
    }
  },
};
