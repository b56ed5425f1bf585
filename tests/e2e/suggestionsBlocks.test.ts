import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import * as Y from 'yjs';
import { fragmentText } from '@dalil/shared/editor';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import type { UserPage } from './support/browser.ts';
import { editorOf } from './support/editor.ts';
import { caretAfter, openSuggestionScene, suggestionCard } from './support/suggestions.ts';

const FIRST = 'La commune publie son budget chaque année.';
const SECOND = 'Les habitants votent les projets en assemblée.';
const CELLS = ['Quartier', 'Budget', 'Projets', 'Centre', '120 000 DT', '4'];

describe('suggestion mode: a table inserted while suggesting becomes a block suggestion', () => {
  let amel: UserPage; // contributor
  let karim: UserPage; // author
  let karimAr: UserPage; // the same author, interface in Arabic
  let docName: string;

  const e2e = useBrowserApp();
  const fragment = () => {
    const room = e2e.app.server.registry.get(docName);
    if (!room) throw new Error(`the section's room is not loaded on the server`);
    return room.doc.getXmlFragment('default');
  };
  const serverText = () => fragmentText(fragment());

  beforeAll(async () => {
    ({ amel, karim, karimAr, docName } = await openSuggestionScene(e2e, [FIRST, SECOND]));
  });

  it('the contributor inserts a table with the toolbar, fills it in the composer and suggests it: the author sees it live; the text is unchanged', async () => {
    const before = serverText();
    expect(before).toContain(`${FIRST}\n${SECOND}`);
    await caretAfter(amel.page, 'chaque année.');
    await amel.page.getByTestId('suggest-format').locator('[data-insert="table"]').click();
    const composer = amel.page.getByTestId('block-composer');
    await composer.waitFor({ timeout: 5_000 });
    // the inserted table is in the composer, not in the text
    expect(await composer.locator('table tr').count()).toBe(3);
    expect(serverText()).toBe(before);
    // fill the header row and the first row, cell by cell (Tab moves on, as in the editor)
    await composer.locator('th').first().click();
    await amel.page.waitForFunction(() => document.activeElement?.closest('[data-testid="block-composer"]') !== null);
    for (const [i, text] of CELLS.entries()) {
      if (i > 0) await amel.page.keyboard.press('Tab');
      await amel.page.keyboard.type(text, { delay: 5 });
    }
    await composer.locator('td', { hasText: '120 000 DT' }).waitFor();
    await amel.page.screenshot({ path: join(artifactsDir, 'suggestions-table-composer-fr.png') });
    await composer.getByTestId('block-composer-send').click();
    await composer.waitFor({ state: 'detached', timeout: 5_000 });

    // the author sees it live: in the text as a dashed preview after the first paragraph, and in the panel
    const card = suggestionCard(karim.page, 'Tableau 3 × 3');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toContain('Amel Jaziri');
    // one block: the table (the empty line the composer keeps after it is not proposed)
    expect(await card.locator('.suggestion-card__blocks li').allInnerTexts()).toEqual([`Tableau 3 × 3 · ${CELLS.join(' ')}`]);
    const preview = editorOf(karim.page).locator('.suggestion-block', { hasText: '120 000 DT' });
    await preview.waitFor({ timeout: 5_000 });
    expect(await preview.locator('th').allInnerTexts()).toEqual(CELLS.slice(0, 3));
    // drawn right after the paragraph that held the caret
    const follows = await preview.evaluate((el) => el.previousElementSibling?.textContent ?? '');
    expect(follows).toContain('chaque année.');
    expect(serverText()).toBe(before);
    await karim.page.screenshot({ path: join(artifactsDir, 'suggestions-table-author-fr.png') });
    await suggestionCard(karimAr.page, 'جدول 3 × 3').waitFor({ timeout: 10_000 });
    await editorOf(karimAr.page).locator('.suggestion-block', { hasText: '120 000 DT' }).waitFor();
    await karimAr.page.screenshot({ path: join(artifactsDir, 'suggestions-table-author-ar.png') });
    await amel.page.screenshot({ path: join(artifactsDir, 'suggestions-table-contributor-fr.png') });
  });

  it('the author accepts: the section holds exactly that table after the paragraph, for everyone', async () => {
    await suggestionCard(karim.page, 'Tableau 3 × 3').getByRole('button', { name: 'Accepter' }).click();
    await suggestionCard(karim.page, 'Tableau 3 × 3').waitFor({ state: 'detached', timeout: 10_000 });
    // the server's document, read once it holds a table (the card may go before this process reads it)
    await expect.poll(() => (fragment().toArray() as Y.XmlElement[]).map((b) => b.nodeName), { timeout: 10_000 }).toContain('table');
    const blocks = fragment().toArray() as Y.XmlElement[];
    const names = blocks.map((b) => b.nodeName);
    const at = names.indexOf('table');
    expect(at).toBeGreaterThan(0);
    expect(fragmentText(blocks[at - 1] as unknown as Y.XmlFragment)).toBe(FIRST);
    const rows = blocks[at]!.toArray().map((row) => (row as Y.XmlElement).toArray().map((c) => fragmentText(c as unknown as Y.XmlFragment)));
    expect(rows).toEqual([CELLS.slice(0, 3), CELLS.slice(3), ['', '', '']]);
    expect(names.filter((n) => n === 'table')).toHaveLength(1);
    // a real table in everyone's editor now, no suggestion left drawn (the preview goes when the page
    // hears of the decision, which may come after the text: wait for that, then exactly one table)
    await expect.poll(() => editorOf(amel.page).locator('.suggestion-block').count(), { timeout: 10_000 }).toBe(0);
    await editorOf(amel.page).locator('table td', { hasText: '120 000 DT' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => editorOf(karimAr.page).locator('.suggestion-block').count(), { timeout: 10_000 }).toBe(0);
    await editorOf(karimAr.page).locator('table td', { hasText: '120 000 DT' }).waitFor({ timeout: 10_000 });
    await karim.page.screenshot({ path: join(artifactsDir, 'suggestions-table-accepted-fr.png') });
  });

  it('a table pasted while suggesting opens in the composer with its cells, and is proposed as it was pasted', async () => {
    await caretAfter(amel.page, 'en assemblée.');
    await amel.page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/html', '<table><tr><th>Commission</th><th>Réunions</th></tr><tr><td>Finances</td><td>12</td></tr></table>');
      data.setData('text/plain', 'Commission\tRéunions\nFinances\t12');
      document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const composer = amel.page.getByTestId('block-composer');
    await composer.locator('td', { hasText: 'Finances' }).waitFor({ timeout: 5_000 });
    await composer.getByTestId('block-composer-send').click();
    const card = suggestionCard(karim.page, 'Tableau 2 × 2');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.locator('.suggestion-card__blocks li').allInnerTexts()).toEqual(['Tableau 2 × 2 · Commission Réunions Finances 12']);
    await card.getByRole('button', { name: 'Refuser' }).click();
    await card.waitFor({ state: 'detached', timeout: 10_000 });
    expect(serverText()).not.toContain('Commission');
  });

  it('a box chosen in the toolbar with the caret in a paragraph is proposed as a new box after it, filled in the composer', async () => {
    await caretAfter(amel.page, 'chaque année.');
    await amel.page.getByTestId('suggest-format').locator('[data-insert="callout"]').selectOption('caseStudy');
    const composer = amel.page.getByTestId('block-composer');
    await composer.locator('aside.callout--caseStudy').waitFor({ timeout: 5_000 });
    await composer.locator('.callout__body p').first().click();
    await amel.page.keyboard.type('Sfax a publié son budget en arabe et en français.', { delay: 5 });
    await composer.getByTestId('block-composer-send').click();
    const card = suggestionCard(karim.page, 'Encadré « Étude de cas »');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toContain('Sfax a publié son budget');
    await editorOf(karim.page).locator('.suggestion-block aside.callout--caseStudy', { hasText: 'Sfax a publié' }).waitFor({ timeout: 5_000 });
    await card.getByRole('button', { name: 'Refuser' }).click();
    await card.waitFor({ state: 'detached', timeout: 10_000 });
    expect(serverText()).not.toContain('Sfax');
  });

  it('the contributor turns a paragraph into a heading with the block menu: suggested, drawn on the paragraph, accepted as a heading', async () => {
    await caretAfter(amel.page, 'Les habitants');
    await amel.page.getByTestId('suggest-block-type').selectOption('h2');
    const card = suggestionCard(karim.page, 'Transformer en titre 2');
    await card.waitFor({ timeout: 10_000 });
    expect(await card.innerText()).toContain(SECOND);
    // (the contributor's caret label sits inside the paragraph's text)
    await editorOf(karim.page).locator('.suggestion-block-type', { hasText: 'votent les projets en assemblée.' }).waitFor({ timeout: 5_000 });
    await suggestionCard(karimAr.page, 'تحويل إلى عنوان 2').waitFor({ timeout: 10_000 });
    await karimAr.page.screenshot({ path: join(artifactsDir, 'suggestions-heading-author-ar.png') });
    await karim.page.screenshot({ path: join(artifactsDir, 'suggestions-heading-author-fr.png') });
    // nothing changed in the text yet
    expect((fragment().toArray() as Y.XmlElement[]).filter((b) => b.nodeName === 'heading')).toHaveLength(0);
    await card.getByRole('button', { name: 'Accepter' }).click();
    await card.waitFor({ state: 'detached', timeout: 10_000 });
    const heading = (fragment().toArray() as Y.XmlElement[]).find((b) => b.nodeName === 'heading');
    expect([heading?.getAttribute('level'), heading && fragmentText(heading as unknown as Y.XmlFragment)]).toEqual([2, SECOND]);
    await editorOf(amel.page).locator('h2', { hasText: SECOND }).waitFor({ timeout: 10_000 });
  });
});
