import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fragmentText } from '@dalil/shared/editor';
import { artifactsDir } from './support/app.ts';
import { expectProblem } from './support/consoleGuard.ts';
import { useBrowserApp } from './support/browserApp.ts';
import type { UserPage } from './support/browser.ts';
import { editorOf } from './support/editor.ts';
import { selectInEditor } from './support/comments.ts';
import { caretAfter, openSuggestionScene, suggestionCard } from './support/suggestions.ts';

const FIRST = 'La commune publie son budget chaque année.';
const SECOND = 'Les habitants votent les projets en assemblée.';
const BOX = 'Afficher le budget en mairie et en ligne.';

const card = suggestionCard;

describe('suggestion mode: a contributor suggests, the author decides', () => {
  let amel: UserPage; // contributor: suggests, never writes the text
  let karim: UserPage; // author
  let karimAr: UserPage; // the same author with the interface in Arabic
  let docName: string;
  let scene: Awaited<ReturnType<typeof openSuggestionScene>>;

  const e2e = useBrowserApp();
  const serverText = () => fragmentText(e2e.app.server.registry.get(docName)!.doc.getXmlFragment('default'));

  beforeAll(async () => {
    scene = await openSuggestionScene(e2e, [FIRST, SECOND]);
    ({ amel, karim, karimAr, docName } = scene);
  });

  it('the contributor types an insertion, a deletion and a box: the author sees all three live; the text is unchanged', async () => {
    expect(await amel.page.getByTestId('suggest-bar').innerText()).toContain('Vous suggérez des modifications');
    // insertion: type after "budget"
    await caretAfter(amel.page, 'son budget');
    await amel.page.keyboard.type(' participatif', { delay: 10 });
    await editorOf(amel.page).locator('.suggestion-insert', { hasText: 'participatif' }).waitFor({ timeout: 5_000 });
    // deletion: select and press Backspace
    await selectInEditor(amel.page, ' en assemblée');
    await amel.page.keyboard.press('Backspace');
    await editorOf(amel.page).locator('.suggestion-delete', { hasText: 'en assemblée' }).waitFor({ timeout: 5_000 });
    // a good-practice box after the second paragraph
    await caretAfter(amel.page, 'les projets');
    await amel.page.getByRole('button', { name: 'Suggérer un encadré' }).click();
    await amel.page.getByLabel('Texte de l’encadré').fill(BOX);
    await amel.page.getByRole('button', { name: 'Suggérer', exact: true }).click();

    // the author sees them live, in the text and in the panel
    for (const text of ['participatif', 'en assemblée', BOX]) await card(karim.page, text).waitFor({ timeout: 10_000 });
    await editorOf(karim.page).locator('.suggestion-insert', { hasText: ' participatif' }).waitFor();
    await editorOf(karim.page).locator('.suggestion-delete', { hasText: ' en assemblée' }).waitFor();
    await editorOf(karim.page).locator('.suggestion-block', { hasText: BOX }).waitFor();
    expect(await karim.page.locator('[data-suggestion-card]').count()).toBe(3);
    await expect.poll(() => karim.page.getByTestId('toc-open-suggestions').innerText()).toContain('3');
    expect(await card(karim.page, 'participatif').innerText()).toContain('Amel Jaziri');
    // nothing of it is in the section's text
    expect(serverText()).toBe(`${FIRST}\n${SECOND}`);

    await karim.page.screenshot({ path: join(artifactsDir, 'suggestions-author-fr.png') });
    for (const text of ['participatif', 'en assemblée', BOX]) await card(karimAr.page, text).waitFor({ timeout: 10_000 });
    await editorOf(karimAr.page).locator('.suggestion-block', { hasText: BOX }).waitFor();
    expect(await karimAr.page.locator('#suggestions-title').innerText()).toContain('الاقتراحات');
    await karimAr.page.screenshot({ path: join(artifactsDir, 'suggestions-author-ar.png') });
    await amel.page.screenshot({ path: join(artifactsDir, 'suggestions-contributor-fr.png') });
  });

  it('the author asks about a suggestion under its card; the contributor reads it live and answers', async () => {
    const karimCard = card(karim.page, 'en assemblée');
    await karimCard.getByRole('button', { name: 'Répondre', exact: true }).click();
    await karimCard.getByLabel('Répondre sur cette suggestion').fill('Le vote en assemblée est prévu par le décret : pourquoi le retirer ?');
    await karimCard.getByRole('button', { name: 'Répondre', exact: true }).click();
    await karimCard.getByText('pourquoi le retirer ?').waitFor({ timeout: 10_000 });

    const amelCard = card(amel.page, 'en assemblée');
    await amelCard.getByText('pourquoi le retirer ?').waitFor({ timeout: 10_000 });
    await amelCard.getByRole('button', { name: 'Répondre', exact: true }).click();
    await amelCard.getByLabel('Répondre sur cette suggestion').fill('Pour raccourcir ; je vous laisse décider.');
    await amelCard.getByRole('button', { name: 'Répondre', exact: true }).click();
    await karimCard.getByText('je vous laisse décider').waitFor({ timeout: 10_000 });
    expect(await karimCard.getByTestId('suggestion-discussion').locator('.message').count()).toBe(2);
    await karim.page.screenshot({ path: join(artifactsDir, 'suggestions-discussion-fr.png') });
    const arCard = card(karimAr.page, 'en assemblée');
    await arCard.getByText('je vous laisse décider').waitFor({ timeout: 10_000 });
    expect(await arCard.getByRole('button', { name: 'ردّ', exact: true }).count()).toBe(1);
    await karimAr.page.screenshot({ path: join(artifactsDir, 'suggestions-discussion-ar.png') });
  });

  it('the author accepts two and rejects one; the text is exactly what was accepted, and the contributor sees it and is notified', async () => {
    await card(karim.page, 'participatif').getByRole('button', { name: 'Accepter' }).click();
    await card(karim.page, 'participatif').waitFor({ state: 'detached', timeout: 10_000 });
    await card(karim.page, BOX).getByRole('button', { name: 'Accepter' }).click();
    await card(karim.page, BOX).waitFor({ state: 'detached', timeout: 10_000 });
    await card(karim.page, 'en assemblée').getByRole('button', { name: 'Refuser' }).click();
    await card(karim.page, 'en assemblée').waitFor({ state: 'detached', timeout: 10_000 });

    const expected = `La commune publie son budget participatif chaque année.\n${SECOND}\n${BOX}`;
    expect(serverText()).toBe(expected);
    // the box is a real good-practice box of the text now
    await editorOf(karim.page).locator('[data-callout-kind="goodPractice"], .callout', { hasText: BOX }).first().waitFor({ timeout: 5_000 });
    // the contributor sees the outcome: accepted text is ordinary text, nothing left suggested
    await expect.poll(() => editorOf(amel.page).innerText(), { timeout: 10_000 }).toContain('La commune publie son budget participatif chaque année.');
    await expect.poll(() => editorOf(amel.page).locator('.suggestion-insert, .suggestion-delete, .suggestion-block').count()).toBe(0);
    expect(await editorOf(amel.page).innerText()).toContain('en assemblée');
    expect(await amel.page.locator('[data-suggestion-card]').count()).toBe(0);
    await expect.poll(() => karim.page.getByTestId('toc-open-suggestions').count()).toBe(0);
    // what arrived with the accepted box (a trailing paragraph the editor adds) is not taken for an edit of hers
    expect(await amel.page.locator('.suggest-bar__notice').count()).toBe(0);
    const bell = amel.page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 10_000 }).toMatch(/4 non lues/);
    await bell.click();
    await amel.page.getByText(/Karim Trabelsi\u2069? a refusé votre suggestion/).waitFor();
    expect(await amel.page.getByText(/Karim Trabelsi\u2069? a accepté votre suggestion/).count()).toBe(2);
    expect(await amel.page.getByText(/Karim Trabelsi\u2069? a écrit sur une suggestion/).count()).toBe(1);
    await amel.page.screenshot({ path: join(artifactsDir, 'suggestions-contributor-notified-fr.png') });
  });

  it('the author switches to suggesting mode: his typing becomes a suggestion he can accept himself', async () => {
    await karim.page.getByTestId('suggest-toggle').check();
    await caretAfter(karim.page, 'votent');
    await karim.page.keyboard.type(' librement', { delay: 10 });
    await card(karim.page, 'librement').waitFor({ timeout: 10_000 });
    expect(await card(karim.page, 'librement').innerText()).toContain('Karim Trabelsi');
    expect(serverText()).not.toContain('librement');
    await card(amel.page, 'librement').waitFor({ timeout: 10_000 });
    await karim.page.getByTestId('suggest-toggle').uncheck();
    await card(karim.page, 'librement').getByRole('button', { name: 'Accepter' }).click();
    await expect.poll(() => serverText(), { timeout: 10_000 }).toContain('Les habitants votent librement les projets en assemblée.');
  });

  it('a suggestion still on its way when the section goes to review is not dropped in silence: its author is told, with the words typed', async () => {
    expectProblem(amel.page, /status of 409 .*\/suggestions/, 'the suggestion reaches the server after the section went to review: refused, and said so');
    // the suggestion's request is held until the section is submitted, as on a slow link
    let arrived = () => {};
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await amel.page.route(/\/api\/guides\/[^/]+\/sections\/[^/]+\/suggestions$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      arrived();
      await held;
      await route.continue();
    });
    await caretAfter(amel.page, 'chaque année');
    await amel.page.keyboard.type(' sur le site', { delay: 10 });
    await reached;
    await scene.coordinator.api.ok('POST', `/api/guides/${scene.guideId}/sections/${scene.sectionId}/transitions`, { to: 'review' });
    release();
    const refused = amel.page.getByTestId('suggestion-refused');
    await expect.poll(() => refused.innerText(), { timeout: 10_000 }).toContain('passée en relecture');
    expect(await refused.innerText()).toContain('sur le site');
    // the bell's panel, opened by the notifications test above, would cover the notice
    if (await amel.page.getByText('Tout marquer comme lu').isVisible()) await amel.page.getByTestId('notification-bell').click();
    // the section locked meanwhile: its editor was made anew, read-only, and the notice is still there
    await amel.page.locator('.ProseMirror[contenteditable="false"]').waitFor({ timeout: 10_000 });
    expect(await refused.innerText()).toContain('sur le site');
    await amel.page.screenshot({ path: join(artifactsDir, 'suggestions-refused-fr.png') });
    await refused.getByRole('button', { name: 'J’ai compris' }).click();
    await refused.waitFor({ state: 'detached' });
    await amel.page.unroute(/\/api\/guides\/[^/]+\/sections\/[^/]+\/suggestions$/);
  });
});
