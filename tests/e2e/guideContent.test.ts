import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection } from './support/editor.ts';

/** Puts the caret in a new empty paragraph at the end of the section. */
async function newParagraph(page: Page): Promise<void> {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
}

/** Leaves whatever block the caret is in by adding a paragraph after everything. */
async function appendParagraphAfterAll(page: Page): Promise<void> {
  await page.evaluate(() => {
    const view = (document.querySelector('.ProseMirror') as unknown as { editor: { commands: { insertContentAt: (pos: number, c: unknown) => void; focus: (p: string) => void }; state: { doc: { content: { size: number } } } } }).editor;
    view.commands.insertContentAt(view.state.doc.content.size, { type: 'paragraph' });
    view.commands.focus('end');
  });
  // TipTap moves the focus on the next animation frame: typing before that would land in
  // whichever input (a caption, a case-study field) had the focus
  await page.waitForFunction(() => {
    const editor = (document.querySelector('.ProseMirror') as unknown as { editor: { view: { hasFocus: () => boolean }; state: { selection: { from: number }; doc: { content: { size: number } } } } }).editor;
    return document.activeElement?.classList.contains('ProseMirror') === true && editor.view.hasFocus() && editor.state.selection.from === editor.state.doc.content.size - 1;
  }, undefined, { timeout: 5_000 });
}

describe('guide content: tables, figures, boxes and footnotes in the browser', () => {
  let alice: UserPage;
  let bob: UserPage;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const aliceAccount = await e2e.app.user('Alice Trabelsi');
    const bobAccount = await e2e.app.user('Bilel Mansour');
    const { guide, section } = await aliceAccount.api.guideWithSection();
    await e2e.app.join(guide.id, bobAccount, 'author');
    alice = await openUser(e2e.browser, { cookie: aliceAccount.cookie, baseUrl: e2e.app.url });
    bob = await openUser(e2e.browser, { cookie: bobAccount.cookie, baseUrl: e2e.app.url });
    await openSection(alice.page, e2e.app.url, guide.id, section.id);
    await openSection(bob.page, e2e.app.url, guide.id, section.id);
  }, 180_000);

  it('shows a helpful placeholder in an empty section', async () => {
    const placeholder = await editorOf(alice.page).locator('p.is-editor-empty').getAttribute('data-placeholder');
    expect(placeholder).toContain('« / »');
  });

  it('inserts a table from the toolbar; Tab moves between cells; the other browser sees it live with its caption', async () => {
    const { page } = alice;
    await editorOf(page).click();
    await page.locator('[data-insert="table"]').click();
    await page.keyboard.type('Commune');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Budget');
    await editorOf(page).locator('table th', { hasText: 'Budget' }).waitFor();
    // table tools appear while the caret is in the table
    await page.locator('[data-table-tool="addRowAfter"]').click();
    expect(await editorOf(page).locator('table tr').count()).toBe(4);
    await page.locator('.table__caption-input').fill('Budgets participatifs 2023');
    await expect.poll(() => bob.page.locator('.ProseMirror table th').allInnerTexts(), { timeout: 10_000 }).toEqual(expect.arrayContaining(['Commune', 'Budget']));
    await expect.poll(() => bob.page.locator('.ProseMirror .table__caption-input').inputValue(), { timeout: 10_000 }).toBe('Budgets participatifs 2023');
    expect(await bob.page.locator('.ProseMirror .table__number').first().innerText()).toContain('Tableau 1');
  });

  it('inserts each box kind through the "/" menu, filtered as one types', async () => {
    const { page } = alice;
    await appendParagraphAfterAll(page);
    await page.keyboard.type('/vigil');
    const menu = page.locator('[data-testid="slash-menu"]');
    await menu.waitFor();
    // the menu opens at "/" and React redraws the filtered list a task later: poll the list
    await expect.poll(() => menu.locator('[role="option"]').allInnerTexts()).toEqual([expect.stringContaining('Point de vigilance')]);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Vérifier le quorum avant le vote.');
    const box = editorOf(page).locator('aside.callout--vigilance');
    await box.waitFor();
    expect(await box.locator('.callout__label').textContent()).toBe('Point de vigilance');
    expect(await box.locator('.callout__body').innerText()).toContain('Vérifier le quorum');
    await expect.poll(() => page.locator('[data-testid="slash-menu"]').count()).toBe(0);

    await appendParagraphAfterAll(page);
    await page.keyboard.type('/étude');
    await menu.locator('[data-item="callout-caseStudy"]').waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.type('La commune a publié son budget.');
    const caseStudy = editorOf(page).locator('aside.callout--caseStudy');
    await caseStudy.locator('input[data-field="place"]').fill('Tozeur');
    await caseStudy.locator('input[data-field="period"]').fill('2021–2023');

    const bobCase = bob.page.locator('.ProseMirror aside.callout--caseStudy');
    await bobCase.waitFor({ timeout: 10_000 });
    await expect.poll(() => bobCase.locator('input[data-field="place"]').inputValue(), { timeout: 10_000 }).toBe('Tozeur');
    await expect.poll(() => bob.page.locator('.ProseMirror aside.callout--vigilance').innerText(), { timeout: 10_000 }).toContain('Vérifier le quorum');
  });

  it('inserts the other box kinds from the toolbar', async () => {
    const { page } = alice;
    for (const kind of ['goodPractice', 'reflex', 'testimony']) {
      await appendParagraphAfterAll(page);
      await page.keyboard.type(`Texte ${kind}`);
      await page.locator('select[data-insert="callout"]').selectOption(kind);
      await editorOf(page).locator(`aside.callout--${kind}`, { hasText: `Texte ${kind}` }).waitFor();
    }
    await bob.page.locator('.ProseMirror aside.callout--testimony', { hasText: 'Texte testimony' }).waitFor({ timeout: 10_000 });
  });

  it('adds footnotes (toolbar and "/" menu), numbered in order and edited in place; the other browser sees them', async () => {
    const { page } = alice;
    await appendParagraphAfterAll(page);
    await page.keyboard.type('Selon la loi organique');
    await page.locator('[data-insert="footnote"]').click();
    const input = page.locator('.footnote__input:visible');
    await input.waitFor();
    await input.fill('Loi organique n° 2018-29 du 9 mai 2018.');
    await page.keyboard.press('Enter');
    await page.keyboard.type(' et le code');
    await page.keyboard.type(' /note');
    await page.locator('[data-testid="slash-menu"] [data-item="footnote"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.footnote__input:visible').fill('Code des collectivités locales, art. 30.');
    await page.keyboard.press('Enter');
    const markers = editorOf(page).locator('.footnote__marker');
    await expect.poll(() => markers.allInnerTexts()).toEqual(['1', '2']);
    const bobMarkers = bob.page.locator('.ProseMirror .footnote');
    await expect.poll(() => bobMarkers.count(), { timeout: 10_000 }).toBe(2);
    await expect.poll(() => bobMarkers.first().getAttribute('title'), { timeout: 10_000 }).toBe('Loi organique n° 2018-29 du 9 mai 2018.');
  });

  it('a Markdown-style "[^…]" becomes a footnote and "::: " a box', async () => {
    const { page } = alice;
    await appendParagraphAfterAll(page);
    await page.keyboard.type('Voir [^Décret 2019-1000]');
    await expect.poll(() => editorOf(page).locator('.footnote').count()).toBe(3);
    await appendParagraphAfterAll(page);
    await page.keyboard.type(':::reflex ');
    await page.keyboard.type('Toujours afficher le PV.');
    await editorOf(page).locator('aside.callout--reflex', { hasText: 'Toujours afficher le PV.' }).waitFor();
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });
});
