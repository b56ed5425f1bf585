import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GuideView } from '@dalil/shared';
import type { LayoutNode } from '@dalil/shared/editor';
import { noisyPng } from '../helpers/testImages.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection } from './support/editor.ts';
import { tocRow } from './support/toc.ts';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
const LIVE = { timeout: 10_000 };

/** Pastes HTML the way the browser hands it over from an office suite's clipboard. */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/html', content);
    data.setData('text/plain', 'fallback');
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

const docOf = (page: Page) => page.evaluate(() => (document.querySelector('.ProseMirror') as unknown as { editor: { getJSON(): unknown } }).editor.getJSON()) as Promise<LayoutNode>;
const clear = (page: Page) => page.evaluate(() => (document.querySelector('.ProseMirror') as unknown as { editor: { commands: { clearContent(): void } } }).editor.commands.clearContent());

function find(node: LayoutNode, type: string): LayoutNode[] {
  const out: LayoutNode[] = [];
  const walk = (n: LayoutNode) => {
    if (n.type === type) out.push(n);
    for (const c of n.content ?? []) walk(c);
  };
  walk(node);
  return out;
}
const textOf = (node: LayoutNode): string => (node.text ?? '') + (node.content ?? []).map(textOf).join('');

describe('paste from office suites, image upload, numbering after a move', () => {
  let alice: UserPage;
  let bob: UserPage;
  let guideId: string;
  let sectionId: string;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const aliceAccount = await e2e.app.user('Alice Trabelsi');
    const bobAccount = await e2e.app.user('Bilel Mansour');
    const { guide, section } = await aliceAccount.api.guideWithSection();
    guideId = guide.id;
    sectionId = section.id;
    await aliceAccount.api.createSection(guideId, 'Deuxième chapitre');
    await e2e.app.join(guideId, bobAccount, 'coordinator');
    alice = await openUser(e2e.browser, { cookie: aliceAccount.cookie, baseUrl: e2e.app.url });
    bob = await openUser(e2e.browser, { cookie: bobAccount.cookie, baseUrl: e2e.app.url });
    await openSection(alice.page, e2e.app.url, guideId, sectionId);
    await openSection(bob.page, e2e.app.url, guideId, sectionId);
  }, 180_000);

  it('keeps a pasted Word fragment\'s heading, real nested lists, table with header row, footnote and boxes; the missing image is a visible placeholder', async () => {
    await pasteHtml(alice.page, fixture('word-clipboard.html'));
    await editorOf(alice.page).locator('table').waitFor();
    const doc = await docOf(alice.page);
    expect(find(doc, 'heading').map(textOf)).toEqual(['Associer les habitants au budget', 'Les étapes']);
    const bullets = find(doc, 'bulletList');
    expect(bullets.length).toBe(2); // one list and its nested sub-list
    expect(find(bullets[0]!, 'listItem').map(textOf)[0]).toContain('Annoncer les forums');
    expect(textOf(find(bullets[1]!, 'listItem')[0]!)).toBe('par affichage et à la radio locale');
    expect(find(doc, 'orderedList').length).toBe(1);
    expect(find(find(doc, 'orderedList')[0]!, 'listItem').map(textOf)).toEqual(['Recenser les propositions', 'Soumettre au vote']);
    // no Word bullet characters left as text
    expect(JSON.stringify(doc)).not.toContain('·');
    expect(find(doc, 'tableHeader').map(textOf)).toEqual(['Commune', 'Participants']);
    expect(find(doc, 'tableCell').map(textOf)).toEqual(['Tozeur', '1 240']);
    expect(find(doc, 'footnote').map((n) => n.attrs?.text)).toEqual(['Article 29 du Code des collectivités locales.']);
    expect(find(doc, 'callout').map((n) => n.attrs?.kind)).toEqual(['goodPractice', 'vigilance']);
    const figures = find(doc, 'figure');
    expect(figures.length).toBe(1);
    expect(figures[0]!.attrs?.src ?? null).toBeNull();
    expect(String(figures[0]!.attrs?.missing)).toContain('clip_image002.png');
    expect(await editorOf(alice.page).locator('.figure__placeholder').innerText()).toContain('Image non importée');
    // the footnote list and Word's markup are gone
    expect(textOf(doc)).not.toContain('[1]');
    await expect.poll(async () => find(await docOf(bob.page), 'table').length, LIVE).toBe(1);
  });

  it('keeps LibreOffice\'s table head, list, box style and footnote', async () => {
    await clear(alice.page);
    await pasteHtml(alice.page, fixture('libreoffice-clipboard.html'));
    await editorOf(alice.page).locator('table').waitFor();
    const doc = await docOf(alice.page);
    expect(find(doc, 'heading').map(textOf)).toEqual(['Suivi des réclamations']);
    expect(find(doc, 'bulletList').length).toBe(1);
    expect(find(doc, 'tableHeader').map(textOf)).toEqual(['Délai', 'Part des réponses']);
    expect(find(doc, 'footnote').map((n) => n.attrs?.text)).toEqual(['Registre tenu par le bureau des relations avec le citoyen.']);
    expect(find(doc, 'callout').map((n) => n.attrs?.kind)).toEqual(['goodPractice']);
  });

  it('keeps Google Docs\' heading, list and table without bolding everything, and uploads its data: image', async () => {
    await clear(alice.page);
    await pasteHtml(alice.page, fixture('gdocs-clipboard.html'));
    await editorOf(alice.page).locator('.figure__media img').waitFor({ timeout: 15_000 });
    const doc = await docOf(alice.page);
    expect(find(doc, 'heading').map(textOf)).toEqual(['Séances publiques']);
    expect(find(doc, 'orderedList').length).toBe(1);
    expect(find(doc, 'tableHeader').map(textOf)).toEqual(['Séance', 'Présents']);
    const paragraph = find(doc, 'paragraph').find((p) => textOf(p).startsWith('Les séances'))!;
    const bold = (paragraph.content ?? []).filter((n) => n.marks?.some((m) => m.type === 'bold')).map(textOf);
    expect(bold).toEqual(['ouvertes au public']);
    const figure = find(doc, 'figure')[0]!;
    expect(String(figure.attrs?.src)).toMatch(new RegExp(`^/api/guides/${guideId}/images/`));
    // never base64 in the document
    expect(JSON.stringify(doc)).not.toContain('data:image');
  });

  it('uploads a chosen image with visible progress; the other browser sees the figure; alt text is asked for', async () => {
    await clear(alice.page);
    const png = await noisyPng(700, 500);
    const file = join(artifactsDir, 'upload-noise.png');
    writeFileSync(file, png);
    const cdp = await alice.context.newCDPSession(alice.page);
    await cdp.send('Network.enable');
    // slow uploads (about 256 kB/s) so the progress bar is there to be seen
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await editorOf(alice.page).click();
    await alice.page.locator('[data-testid="figure-file"]').setInputFiles(file);
    const progress = editorOf(alice.page).locator('.figure__placeholder--uploading');
    await progress.waitFor();
    await expect.poll(() => progress.locator('.figure__progress-text').textContent()).toMatch(/\d+\s*%/);
    await editorOf(alice.page).locator('.figure__media img').waitFor({ timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await editorOf(alice.page).locator('.figure').getAttribute('class')).toContain('figure--no-alt');
    await editorOf(alice.page).locator('.figure__alt').fill('Bruit coloré de test');
    const bobImage = bob.page.locator('.ProseMirror .figure__media img');
    await bobImage.waitFor(LIVE);
    await expect.poll(() => bobImage.getAttribute('alt'), LIVE).toBe('Bruit coloré de test');
    expect(await bobImage.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(700);
  });

  it('numbers chapters from the structure and follows a drag-and-drop move in both browsers', async () => {
    const first = (page: Page) => tocRow(page, 'Section de test').locator('[data-toc-link]').getAttribute('data-number');
    const second = (page: Page) => tocRow(page, 'Deuxième chapitre').locator('[data-toc-link]').getAttribute('data-number');
    await expect.poll(() => first(bob.page), LIVE).toBe('1');
    expect(await second(bob.page)).toBe('2');
    expect(await alice.page.locator('h1#section-title').getAttribute('data-number')).toBe('1');

    const handle = tocRow(alice.page, 'Section de test').locator('.toc-row__handle');
    const target = tocRow(alice.page, 'Deuxième chapitre');
    const box = await target.boundingBox();
    // dropped in the middle of "Deuxième chapitre": it becomes its sub-section (2 → 1, 1 → 1.1)
    await handle.dragTo(target, { targetPosition: { x: box!.width / 2, y: box!.height / 2 } });
    for (const page of [alice.page, bob.page]) {
      await expect.poll(() => second(page), LIVE).toBe('1');
      await expect.poll(() => first(page), LIVE).toBe('1.1');
    }
    await expect.poll(() => bob.page.locator('h1#section-title').getAttribute('data-number'), LIVE).toBe('1.1');
  });

  it('turns numbering off and leaves front matter unnumbered, for everyone at once', async () => {
    await alice.page.goto(`${e2e.app.url}/guides/${guideId}/progress`);
    const setting = alice.page.locator('[data-testid="numbering-setting"]');
    await setting.waitFor();
    const chapterId = await alice.page.evaluate(async (id) => {
      const reply = await fetch(`/api/guides/${id}`);
      const view = (await reply.json()) as GuideView;
      return view.sections.find((s) => s.parentId === null)!.id;
    }, guideId);
    await setting.locator(`[data-unnumbered="${chapterId}"]`).click();
    await expect.poll(() => tocRow(bob.page, 'Deuxième chapitre').locator('[data-toc-link]').getAttribute('data-number'), LIVE).toBeNull();
    await expect.poll(() => bob.page.locator('h1#section-title').getAttribute('data-number'), LIVE).toBeNull();
    await setting.locator(`[data-unnumbered="${chapterId}"]`).click();
    await expect.poll(() => bob.page.locator('h1#section-title').getAttribute('data-number'), LIVE).toBe('1.1');
    await setting.locator('input[type="checkbox"]').first().click();
    await expect.poll(() => bob.page.locator('h1#section-title').getAttribute('data-number'), LIVE).toBeNull();
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });
});
