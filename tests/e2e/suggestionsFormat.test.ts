import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fragmentText } from '@dalil/shared/editor';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import type { UserPage } from './support/browser.ts';
import { editorOf } from './support/editor.ts';
import { selectInEditor } from './support/comments.ts';
import { caretAfter, openSuggestionScene, pasteText, suggestionCard } from './support/suggestions.ts';
import { markedParagraphs } from '../helpers/suggestions.ts';

const FIRST = 'La commune publie son budget chaque année.';
const SECOND = 'Les habitants votent les projets en assemblée.';

const card = suggestionCard;

describe('suggestion mode: formatting and paragraphs suggested, accepted into the text', () => {
  let amel: UserPage; // contributor: suggests, never writes the text
  let karim: UserPage; // author
  let karimAr: UserPage; // the same author with the interface in Arabic
  let docName: string;

  const e2e = useBrowserApp();
  const serverFragment = () => e2e.app.server.registry.get(docName)!.doc.getXmlFragment('default');

  beforeAll(async () => {
    ({ amel, karim, karimAr, docName } = await openSuggestionScene(e2e, [FIRST, SECOND]));
  });

  it('the contributor bolds a word (Ctrl+B), italicises another (button) and types two paragraphs: all suggested, the text unchanged', async () => {
    await selectInEditor(amel.page, 'budget');
    await amel.page.keyboard.press('Control+b');
    await editorOf(amel.page).locator('.suggestion-format', { hasText: 'budget' }).waitFor({ timeout: 5_000 });

    await selectInEditor(amel.page, 'habitants');
    await amel.page.getByTestId('suggest-format').getByRole('button', { name: 'Italique' }).click();
    await editorOf(amel.page).locator('.suggestion-format', { hasText: 'habitants' }).waitFor({ timeout: 5_000 });

    // two paragraphs after the first one, typed with Enter
    await caretAfter(amel.page, 'chaque année.');
    await amel.page.keyboard.press('Enter');
    await amel.page.keyboard.type('Elle le présente en réunion publique.', { delay: 10 });
    await amel.page.keyboard.press('Enter');
    await amel.page.keyboard.type('Chacun peut poser ses questions.', { delay: 10 });
    await editorOf(amel.page).locator('.suggestion-insert', { hasText: 'Chacun peut poser ses questions.' }).waitFor({ timeout: 5_000 });
    expect(await editorOf(amel.page).locator('.suggestion-insert .suggestion-insert__break').count()).toBe(2);
    // two lines pasted in the middle of a paragraph: one insertion that splits it
    await caretAfter(amel.page, ' votent'); // ("habitants" is drawn in its own span by the italic suggestion)
    await pasteText(amel.page, ' en ligne.\nIls votent aussi');
    await editorOf(amel.page).locator('.suggestion-insert', { hasText: 'Ils votent aussi' }).waitFor({ timeout: 5_000 });
    // no refusal notice: every one of these could be suggested
    expect(await amel.page.locator('.suggest-bar__notice').count()).toBe(0);

    const formatCard = card(karim.page, 'Mettre en gras');
    await formatCard.waitFor({ timeout: 10_000 });
    expect(await formatCard.innerText()).toContain('budget');
    expect(await formatCard.locator('strong', { hasText: 'budget' }).count()).toBe(1);
    await card(karim.page, 'Mettre en italique').waitFor({ timeout: 10_000 });
    const insertCard = card(karim.page, 'Chacun peut poser');
    await insertCard.waitFor({ timeout: 10_000 });
    // a paragraph break shows as ¶ and a new line (the first one ends "chaque année.")
    expect(await insertCard.locator('ins').innerText()).toBe('¶\nElle le présente en réunion publique.¶\nChacun peut poser ses questions.');
    // drawn in the author's text: the word to bold, the paragraphs to insert
    await editorOf(karim.page).locator('.suggestion-format--add-bold', { hasText: 'budget' }).waitFor();
    await editorOf(karim.page).locator('.suggestion-insert', { hasText: 'Chacun peut poser ses questions.' }).waitFor();
    // (the author's first Enter left an empty paragraph at the top)
    expect(markedParagraphs(serverFragment())).toEqual(['', FIRST, SECOND]);
    await karim.page.screenshot({ path: join(artifactsDir, 'suggestions-format-author-fr.png') });

    expect(await card(karim.page, 'Ils votent aussi').locator('ins').textContent()).toBe(' en ligne.¶Ils votent aussi');
    await card(karimAr.page, 'Chacun peut poser').waitFor({ timeout: 10_000 });
    await card(karimAr.page, 'جعله غامقًا').waitFor({ timeout: 10_000 });
    await karimAr.page.screenshot({ path: join(artifactsDir, 'suggestions-format-author-ar.png') });
    await amel.page.screenshot({ path: join(artifactsDir, 'suggestions-format-contributor-fr.png') });
  });

  it('the author accepts the bold and both insertions, rejects the italic: the document is exactly that, decided ones listed apart', async () => {
    await card(karim.page, 'Mettre en gras').getByRole('button', { name: 'Accepter' }).click();
    await card(karim.page, 'Mettre en gras').waitFor({ state: 'detached', timeout: 10_000 });
    await card(karim.page, 'Chacun peut poser').getByRole('button', { name: 'Accepter' }).click();
    await card(karim.page, 'Chacun peut poser').waitFor({ state: 'detached', timeout: 10_000 });
    await card(karim.page, 'Ils votent aussi').getByRole('button', { name: 'Accepter' }).click();
    await card(karim.page, 'Ils votent aussi').waitFor({ state: 'detached', timeout: 10_000 });
    await card(karim.page, 'Mettre en italique').getByRole('button', { name: 'Refuser' }).click();
    await card(karim.page, 'Mettre en italique').waitFor({ state: 'detached', timeout: 10_000 });

    const expected = ['', 'La commune publie son [budget|bold] chaque année.', 'Elle le présente en réunion publique.', 'Chacun peut poser ses questions.', 'Les habitants votent en ligne.', 'Ils votent aussi les projets en assemblée.'];
    expect(markedParagraphs(serverFragment())).toEqual(expected);
    expect(fragmentText(serverFragment())).toBe(expected.slice(1).join('\n').replace('[budget|bold]', 'budget'));

    // everyone sees ordinary text: bold in the editor, five paragraphs (and the empty one), nothing left drawn as suggested
    for (const page of [karim.page, amel.page]) {
      await editorOf(page).locator('strong', { hasText: 'budget' }).waitFor({ timeout: 10_000 });
      await expect.poll(() => editorOf(page).locator('p').count(), { timeout: 10_000 }).toBe(6);
      await expect.poll(() => editorOf(page).locator('.suggestion-insert, .suggestion-delete, .suggestion-format').count()).toBe(0);
    }
    expect(await editorOf(amel.page).locator('em').count()).toBe(0);

    // the decided ones, collapsed, with outcome, who and the discussion
    const decided = karim.page.getByTestId('decided-suggestions');
    await expect.poll(() => decided.locator('summary').innerText(), { timeout: 10_000 }).toBe('Décidées (4)');
    await decided.locator('summary').click();
    const accepted = decided.locator('[data-decided-card]', { hasText: 'Mettre en gras' });
    expect(await accepted.locator('.suggestion-card__outcome').innerText()).toMatch(/^Acceptée par Karim Trabelsi, /);
    const rejected = decided.locator('[data-decided-card]', { hasText: 'Mettre en italique' });
    expect(await rejected.locator('.suggestion-card__outcome').innerText()).toMatch(/^Refusée par Karim Trabelsi, /);
    // read-only: no decision buttons, no reply box
    expect(await decided.getByRole('button').count()).toBe(0);
    await karim.page.screenshot({ path: join(artifactsDir, 'suggestions-decided-fr.png') });

    const decidedAr = karimAr.page.getByTestId('decided-suggestions');
    await expect.poll(() => decidedAr.locator('summary').innerText(), { timeout: 10_000 }).toBe('المحسومة (4)');
    await decidedAr.locator('summary').click();
    await decidedAr.getByText(/قبلها \u2068?Karim Trabelsi/).first().waitFor();
    await karimAr.page.screenshot({ path: join(artifactsDir, 'suggestions-decided-ar.png') });
  });
});
