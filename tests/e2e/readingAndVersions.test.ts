import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SECTION_FRAGMENT, type GuideView, type SectionView } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import type { TestUser } from '../helpers/accounts.ts';
import { createGeneratedGuide, generateGuide } from '../helpers/generatedGuide.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { expectProblem } from './support/consoleGuard.ts';
import { editorOf, openSection } from './support/editor.ts';

const SPEC = { sections: 12, words: 2400, tables: 3, figures: 3, callouts: 4, footnotes: 5, arabicShare: 0.4, sectionsPerChapter: 3, seed: 7 };

describe('reading view, print and versions in Chromium', () => {
  let coordinator: TestUser;
  let author: TestUser;
  let reader: TestUser;
  let guide: GuideView;
  let sections: SectionView[];
  const generated = generateGuide(SPEC);

  const e2e = useBrowserApp();

  beforeAll(async () => {
    [coordinator, author, reader] = await Promise.all([e2e.app.user('Leïla Ben Salah'), e2e.app.user('Karim Trabelsi'), e2e.app.user('Nadia Lectrice')]);
    ({ guide, sections } = await createGeneratedGuide(e2e.app.server, coordinator.api, generated));
    await e2e.app.join(guide.id, author, 'author');
    await e2e.app.join(guide.id, reader, 'reader');
  }, 180_000);

  it('a reader lands on the whole guide: numbered, figures and tables numbered across it, boxes, notes, Arabic sections right to left', async () => {
    const { page, errors } = await openUser(e2e.browser, { cookie: reader.cookie, baseUrl: e2e.app.url });
    await page.goto(`${e2e.app.url}/guides/${guide.id}`);
    await page.waitForURL(`**/guides/${guide.id}/read`);
    const reading = page.getByTestId('reading');
    await reading.and(page.locator('[data-complete="true"]')).waitFor({ timeout: 20_000 });
    // every section, in order, with its number
    const numbers = await page.locator('.reading-section > .reading-section__title .reading-number').allInnerTexts();
    expect(numbers.slice(0, 5)).toEqual(['1', '1.1', '1.2', '1.3', '2']);
    expect(numbers).toHaveLength(SPEC.sections);
    expect(await page.locator('.reading-toc a').count()).toBe(SPEC.sections);
    // figures and tables numbered 1..n across the guide, in reading order
    const figureLabels = await page.locator('figure[data-figure] figcaption .reading-label').allInnerTexts();
    expect(figureLabels.map((l) => l.replace(/ —\s*$/, ''))).toEqual(['Figure 1', 'Figure 2', 'Figure 3']);
    const tableLabels = await page.locator('table > caption .reading-label').allInnerTexts();
    expect(tableLabels.map((l) => l.replace(/ —\s*$/, ''))).toEqual(['Tableau 1', 'Tableau 2', 'Tableau 3']);
    expect(await page.locator('aside[data-callout] .callout__header').count()).toBe(SPEC.callouts);
    expect(await page.locator('.reading-notes li').count()).toBe(SPEC.footnotes);
    // Arabic sections are laid out right to left, French ones left to right
    for (const [i, s] of generated.sections.entries()) {
      expect(await page.locator(`#s-${sections[i]!.id}`).getAttribute('dir'), s.title).toBe(s.language === 'ar' ? 'rtl' : 'ltr');
    }
    // readers see the text, not the workflow
    expect(await page.locator('.reading-section__status').count()).toBe(0);
    await page.screenshot({ path: join(artifactsDir, 'reading-view-fr.png') });
    const arabicSection = sections[generated.sections.findIndex((s) => s.language === 'ar')]!;
    await page.locator(`#s-${arabicSection.id}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'reading-view-arabic-section.png') });

    // printed by Chromium: the guide over several pages, none of the app around it
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pdfFile = join(artifactsDir, 'reading-view.pdf');
    writeFileSync(pdfFile, pdf);
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(3);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain(generated.title);
    expect(text).toContain(generated.sections.at(-1)!.title.slice(0, 20));
    for (const chrome of ['Imprimer', 'Versions', 'Aller au contenu principal', 'Dalil']) expect(text, chrome).not.toContain(chrome);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '4', pdfFile, join(artifactsDir, 'reading-view-pdf')]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the reading view in Arabic, seen by a member who works on the guide (section states shown)', async () => {
    const { page, errors } = await openUser(e2e.browser, { cookie: author.cookie, baseUrl: e2e.app.url, language: 'ar' });
    await page.goto(`${e2e.app.url}/guides/${guide.id}/read`);
    await page.locator('[data-complete="true"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.reading-section__status').count()).toBe(SPEC.sections);
    await page.screenshot({ path: join(artifactsDir, 'reading-view-ar.png') });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('coordinator makes a provisional version, an author edits, compare shows it, restore reaches the author’s open editor', async () => {
    const target = sections.find((_, i) => generated.sections[i]!.parent !== null && generated.sections[i]!.language === 'fr')!;
    const coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    const writer = await openUser(e2e.browser, { cookie: author.cookie, baseUrl: e2e.app.url });
    const cp = coord.page;
    await cp.goto(`${e2e.app.url}/guides/${guide.id}/versions`);
    const form = cp.getByTestId('create-version');
    await form.getByLabel('Nom (facultatif)').fill('Avant l’atelier de Sfax');
    await form.getByRole('button', { name: 'Créer la version' }).click();
    await cp.getByTestId('version-list').locator('li').first().waitFor();
    expect(await cp.getByTestId('version-list').innerText()).toContain('Avant l’atelier de Sfax');
    expect(await cp.getByTestId('version-list').innerText()).toContain(`${SPEC.sections} sections`);
    // a final version is refused, listing the sections to validate
    expectProblem(cp, /status of 409 .*\/api\/guides\/[^/]+\/versions:/, 'a final version while sections are not validated: the page lists them');
    await form.getByLabel(/Version finale/).check();
    await form.getByRole('button', { name: 'Créer la version' }).click();
    await cp.getByTestId('blocking-sections').waitFor();
    expect(await cp.getByTestId('blocking-sections').locator('li').count()).toBeGreaterThan(0);

    // the author has the section open and writes in it
    const wp = writer.page;
    await openSection(wp, e2e.app.url, guide.id, target.id);
    // at the very start (the end of a generated section may be a figure, whose fields take the typing)
    await editorOf(wp).locator('p').first().click();
    await wp.keyboard.press('Control+Home');
    await wp.keyboard.type('Paragraphe ajouté après la version.', { delay: 5 });
    await wp.keyboard.press('Enter');
    const serverText = () => {
      const room = e2e.app.server.registry.get(target.docName);
      return room ? fragmentText(room.doc.getXmlFragment(SECTION_FRAGMENT)) : "";
    };
    await expect.poll(serverText, { timeout: 10_000 }).toContain('Paragraphe ajouté après la version.');

    // compare the version with today: the added paragraph shows as an addition
    await cp.getByTestId('compare').getByRole('button', { name: 'Comparer' }).click();
    const diff = cp.locator(`[data-testid="comparison"] [data-section-id="${target.id}"]`);
    await diff.waitFor();
    expect(await diff.getAttribute('data-change')).toBe('changed');
    expect((await diff.locator('ins').allInnerTexts()).join(' ')).toContain('Paragraphe ajouté après la version.');
    await cp.screenshot({ path: join(artifactsDir, 'versions-compare-fr.png'), fullPage: true });

    // restore: the old text comes back in the author's open editor, as a live edit
    await diff.getByRole('button', { name: /Restaurer/ }).click();
    await cp.getByTestId('confirm-dialog').getByRole('button', { name: 'Restaurer ce texte' }).click();
    await expect.poll(() => editorOf(wp).innerText(), { timeout: 10_000 }).not.toContain('Paragraphe ajouté après la version.');
    expect(await wp.locator('.status-line[data-connection="connected"]').count()).toBe(1);
    await expect.poll(serverText).not.toContain('Paragraphe ajouté après la version.');
    await wp.screenshot({ path: join(artifactsDir, 'versions-restored-editor-fr.png') });

    // the version opens read-only in the reading view
    const versionLink = cp.getByTestId('version-list').getByRole('link', { name: 'Ouvrir' }).first();
    await versionLink.click();
    await cp.locator('[data-complete="true"]').waitFor({ timeout: 20_000 });
    expect(await cp.getByTestId('reading-version').innerText()).toContain('Version provisoire');
    await cp.screenshot({ path: join(artifactsDir, 'reading-version-fr.png') });
    expect(coord.errors).toEqual([]);
    expect(writer.errors).toEqual([]);
    await coord.context.close();
    await writer.context.close();
  }, 180_000);

  it('the versions page in Arabic', async () => {
    // its own version, so that this test also runs alone
    await coordinator.api.ok('POST', `/api/guides/${guide.id}/versions`, { kind: 'provisional', label: 'نسخة للاختبار' });
    const { page, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url, language: 'ar' });
    await page.goto(`${e2e.app.url}/guides/${guide.id}/versions`);
    await page.getByTestId('version-list').waitFor();
    await page.getByTestId('compare').getByRole('button', { name: 'قارن' }).click();
    await page.getByTestId('comparison').waitFor();
    await page.screenshot({ path: join(artifactsDir, 'versions-ar.png'), fullPage: true });
    expect(await page.getByTestId('version-list').innerText()).toContain('نسخة للاختبار');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
