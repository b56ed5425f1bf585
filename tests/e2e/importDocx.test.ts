import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, artifactsDir, type RunningApp } from './support/app.ts';
import { launchBrowser, openUser, type UserPage } from './support/browser.ts';
import { expectProblem } from './support/consoleGuard.ts';
import { editorOf, openSection } from './support/editor.ts';
import { tocAction, tocLink, tocOutline } from './support/toc.ts';
import { cutListsDocx, referenceDocx, simpleDocx, wordHabitsDocx } from '../helpers/docxFixtures.ts';
import { oleFile } from '../helpers/badDocx.ts';
import { DOCX_TYPE, upload } from '../helpers/importApi.ts';
import type { ImportedGuide } from '@dalil/shared/api/import.ts';
import type { TestUser } from '../helpers/accounts.ts';

const LIVE = { timeout: 15_000 };

describe('importing Word documents in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let amel: TestUser;
  let sami: TestUser;
  let alice: UserPage;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    amel = await app.user('Amel');
    sami = await app.user('Sami');
    alice = await openUser(browser, { cookie: amel.cookie, baseUrl: app.url });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  }, 60_000);

  it('says why an old .doc is refused', async () => {
    const page = alice.page;
    expectProblem(page, /status of 415 .*\/api\/guides\/import\/preview/, 'an old .doc is refused (415): the import dialog says why');
    await page.goto(`${app.url}/`);
    await page.getByTestId('import-guide').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'ancien.doc', mimeType: 'application/msword', buffer: Buffer.from(oleFile(['Root Entry', 'WordDocument'])) });
    await expect.poll(() => page.getByTestId('import-error').innerText(), LIVE).toContain('ancien document Word 97–2003');
    await page.getByRole('button', { name: 'Annuler' }).click();
  });

  it('creates a guide through the dialog; a section shows its table and its image', async () => {
    const page = alice.page;
    await page.goto(`${app.url}/`);
    await page.getByTestId('import-guide').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'participation.docx', mimeType: DOCX_TYPE, buffer: await referenceDocx() });
    await page.getByTestId('import-preview-section').first().waitFor(LIVE);
    expect(await page.getByTestId('import-preview-section').allInnerTexts()).toHaveLength(5);
    await expect.poll(() => page.getByTestId('import-warnings').innerText(), LIVE).toContain('Liens retirés');
    // Chapters only: the preview follows the split level.
    await page.getByTestId('import-split-level').selectOption('1');
    await expect.poll(() => page.getByTestId('import-preview-section').count(), LIVE).toBe(3);
    await page.getByTestId('import-split-level').selectOption('2');
    await expect.poll(() => page.getByTestId('import-preview-section').count(), LIVE).toBe(5);
    // numbered as the guide will be (its introduction takes no number), counts in words that agree
    const entries = await page.getByTestId('import-preview-section').allInnerTexts();
    expect(entries.map((e) => e.split('\n')[0]!.trim())).toEqual(['Introduction', '1Comprendre le cadre', '1.1Les acteurs', '1.2Outils', '2الإطار القانوني']);
    expect(entries[2]).toContain('1 tableau');
    expect(entries[2]).not.toMatch(/\b0 /);
    await page.screenshot({ path: join(artifactsDir, 'import-preview.png') });
    // once confirmed, the choices are the ones sent: nothing can be changed under the import
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/api\/guides\/import\?/, async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('import-split-level').isDisabled(), LIVE).toBe(true);
    expect(await page.getByTestId('import-file').isDisabled()).toBe(true);
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    release();

    await page.waitForURL(/\/guides\/[^/]+$/, LIVE);
    await tocLink(page, 'Les acteurs').waitFor(LIVE);
    await expect.poll(() => tocOutline(page), LIVE).toEqual(['Introduction', 'Comprendre le cadre', '  Les acteurs', '  Outils', 'الإطار القانوني']);

    await tocLink(page, 'Les acteurs').click();
    await editorOf(page).locator('table').waitFor(LIVE);
    await expect.poll(() => editorOf(page).locator('td[colspan="2"]').innerText(), LIVE).toContain('Annonce et affichage');
    // Word's "a)" list keeps its letters, the list inside it its Roman numerals, the one before its numbers.
    const lettered = editorOf(page).locator('ol[type="a"]');
    await lettered.waitFor(LIVE);
    expect(await lettered.evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('lower-alpha');
    expect(await editorOf(page).locator('ol[type="I"]').evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('upper-roman');
    expect(await editorOf(page).locator('ol:not([type])').first().evaluate((ol) => getComputedStyle(ol).listStyleType)).toBe('decimal');
    await lettered.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'import-section-lists.png') });

    await tocLink(page, 'Outils').click();
    const image = editorOf(page).locator('figure img');
    await image.waitFor(LIVE);
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), LIVE).toBe(8);
    await page.screenshot({ path: join(artifactsDir, 'import-section-figure.png') });
  });

  it('shows a list Word numbered on after a remark at 3, as Word did', async () => {
    const page = alice.page;
    const imported = await upload<ImportedGuide>(amel.api, '/api/guides/import?splitLevel=1', await cutListsDocx(), 'procedure.docx');
    expect(imported.status).toBe(201);
    const guide = await amel.api.getGuide(imported.body.guideId);
    await openSection(page, app.url, guide.id, guide.sections.find((s) => s.title === 'Procédure')!.id);
    await editorOf(page).locator('ol').nth(3).waitFor(LIVE);
    expect(await editorOf(page).locator('ol').evaluateAll((lists) => lists.map((ol) => (ol as HTMLOListElement).start))).toEqual([1, 3, 1, 5]);
    await page.screenshot({ path: join(artifactsDir, 'import-cut-lists.png') });
  });

  it('fits a phone in Arabic: every control inside the dialog, counts with Arabic plurals', async () => {
    const phone = await openUser(browser, { cookie: amel.cookie, baseUrl: app.url, language: 'ar', viewport: { width: 390, height: 844 } });
    try {
      const page = phone.page;
      await page.goto(`${app.url}/`);
      await page.getByTestId('import-guide').click();
      await page.getByTestId('import-file').setInputFiles({ name: 'brouillon.docx', mimeType: DOCX_TYPE, buffer: await wordHabitsDocx() });
      await page.getByTestId('import-warnings').waitFor(LIVE);
      const overflow = await page.getByTestId('import-dialog').evaluate((dialog) => {
        const box = dialog.getBoundingClientRect();
        return [...dialog.querySelectorAll('input, select, button, li')]
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
          .map(({ el }) => el.outerHTML.slice(0, 80));
      });
      expect(overflow).toEqual([]);
      const entries = await page.getByTestId('import-preview-section').allInnerTexts();
      expect(entries[1]).toContain('3 كلمات');
      expect(entries[4]).toContain('كلمتان');
      await page.screenshot({ path: join(artifactsDir, 'import-preview-ar-390.png'), fullPage: true });
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('imports into a section another browser has open, which receives it live', async () => {
    const guide = await amel.api.createGuide('Guide de la concertation');
    await app.join(guide.id, sami, 'author');
    const section = await amel.api.createSection(guide.id, 'Diagnostic');
    const bob = await openUser(browser, { cookie: sami.cookie, baseUrl: app.url });
    try {
      await openSection(bob.page, app.url, guide.id, section.id);
      await bob.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      const page = alice.page;
      await page.goto(`${app.url}/guides/${guide.id}`);
      await tocLink(page, 'Diagnostic').waitFor(LIVE);
      await tocAction(page, 'Diagnostic', 'import');
      await page.getByTestId('import-file').setInputFiles({ name: 'constats.docx', mimeType: DOCX_TYPE, buffer: await simpleDocx('Constats du terrain', ['Les habitants demandent un éclairage public.']) });
      await page.getByTestId('import-preview').waitFor(LIVE);
      // appended whole: what is added, counted (the heading's words too), no table of contents
      expect(await page.getByTestId('import-preview-append').innerText()).toMatch(/Ajouté à la fin de la section : 9 mots$/);
      expect(await page.getByTestId('import-preview-section').count()).toBe(0);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-dialog').waitFor({ state: 'detached', ...LIVE });

      await expect.poll(() => editorOf(bob.page).innerText(), LIVE).toContain('Les habitants demandent un éclairage public.');
      expect(await bob.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
      await bob.page.screenshot({ path: join(artifactsDir, 'import-live-section.png') });
    } finally {
      await bob.context.close();
    }
  });
});
