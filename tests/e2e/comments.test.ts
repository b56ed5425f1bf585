import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { ThreadView } from '@dalil/shared';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';
import { selectInEditor, threadCard } from './support/comments.ts';

const SENTENCE = 'La commune publie chaque trimestre l’état d’exécution de son budget.';

describe('two people discussing a sentence in comments', () => {
  let amel: UserPage; // contributor: comments, cannot edit text
  let karim: UserPage; // author
  let guideId: string;
  let sectionId: string;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const coordinator = await e2e.app.user('Leïla Ben Salah');
    const amelAccount = await e2e.app.user('Amel Jaziri');
    const karimAccount = await e2e.app.user('Karim Trabelsi');
    const { guide, section } = await coordinator.api.guideWithSection();
    await e2e.app.join(guide.id, amelAccount, 'contributor');
    await e2e.app.join(guide.id, karimAccount, 'author');
    guideId = guide.id;
    sectionId = section.id;
    amel = await openUser(e2e.browser, { cookie: amelAccount.cookie, baseUrl: e2e.app.url, viewport: { width: 1400, height: 900 } });
    karim = await openUser(e2e.browser, { cookie: karimAccount.cookie, baseUrl: e2e.app.url, viewport: { width: 1400, height: 900 } });
    await openSection(karim.page, e2e.app.url, guideId, sectionId);
    await typeParagraph(karim.page, SENTENCE);
    await karim.page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 10_000 });
    await openSection(amel.page, e2e.app.url, guideId, sectionId);
    await editorOf(amel.page).getByText(SENTENCE).waitFor({ timeout: 10_000 });
  });

  it('A comments a sentence without edit rights; B sees it at once, highlighted, with a count in the contents', async () => {
    // a contributor does not edit the text: what she would type becomes a suggestion (suggestion mode);
    // her role arrives with the guide, after the editor is connected: wait for the bar, never count it once
    await amel.page.getByTestId('suggest-bar').waitFor();
    await selectInEditor(amel.page, 'l’état d’exécution de son budget');
    await amel.page.getByRole('button', { name: 'Commenter', exact: true }).click();
    await amel.page.getByPlaceholder(/Votre commentaire/).fill('Préciser le support : affichage en mairie et site web ?');
    const started = Date.now();
    await amel.page.locator('.thread--new').getByRole('button', { name: 'Commenter' }).click();

    const card = threadCard(karim.page, 'l’état d’exécution de son budget');
    // from one browser to the other through the server: CI under load is slower than 5 s at times
    await card.waitFor({ timeout: 15_000 });
    const seenAfterMs = Date.now() - started;
    console.log(`new thread visible to the other person after ${seenAfterMs} ms`);
    expect(await card.innerText()).toContain('Préciser le support');
    expect(await card.innerText()).toContain('Amel Jaziri');
    // the words are highlighted in B's editor, and the text itself did not change
    await expect.poll(() => karim.page.locator('.ProseMirror [data-thread-id]').innerText()).toBe('l’état d’exécution de son budget');
    expect(await editorOf(karim.page).innerText()).toContain(SENTENCE);
    await expect.poll(() => karim.page.getByTestId('toc-open-threads').innerText()).toContain('1');
  });

  it('B replies and mentions A; A sees the reply with the mention and gets a notification leading to it', async () => {
    // clicking the highlighted words opens their thread
    await karim.page.locator('.ProseMirror [data-thread-id]').click();
    const card = threadCard(karim.page, 'l’état d’exécution de son budget');
    await expect.poll(() => card.getAttribute('class')).toContain('thread--active');
    const reply = card.getByPlaceholder(/Répondre/);
    await reply.click();
    await karim.page.keyboard.type('Les deux, ', { delay: 5 });
    await karim.page.keyboard.type('@Ame', { delay: 5 });
    await karim.page.getByRole('option', { name: 'Amel Jaziri' }).waitFor();
    await karim.page.keyboard.press('Enter');
    // typing straight on after the pick, as a fast typist does: the keys land after the name
    await karim.page.keyboard.type('je complète le paragraphe.', { delay: 5 });
    await expect.poll(() => reply.inputValue()).toBe('Les deux, @Amel Jaziri je complète le paragraphe.');
    await card.getByRole('button', { name: 'Répondre' }).click();

    const amelCard = threadCard(amel.page, 'l’état d’exécution de son budget');
    await amelCard.locator('.message__mention', { hasText: '@Amel Jaziri' }).waitFor({ timeout: 15_000 });
    expect(await amelCard.innerText()).toContain('Les deux, @Amel Jaziri je complète le paragraphe.');
    const threads = await (await e2e.app.user('Observatrice')).api.request<ThreadView[]>('GET', `/api/guides/${guideId}/threads`);
    expect(threads.status).toBe(403); // not a member: the API refuses

    // The bell counts the mention; its item names who mentioned A and where, and leads to the thread.
    const bell = amel.page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/1 non lue/);
    await bell.click();
    const item = amel.page.getByRole('link', { name: /Karim Trabelsi\u2069? vous a mentionné dans «\s*\u2068?Section de test/ });
    await item.click();
    await expect.poll(() => amel.page.url()).toContain('?thread=');
    await expect.poll(() => threadCard(amel.page, 'l’état d’exécution de son budget').getAttribute('class')).toContain('thread--active');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/aucune non lue/);
  });

  it('A resolves the thread; both see who resolved it, and the highlight and count go', async () => {
    const card = threadCard(amel.page, 'l’état d’exécution de son budget');
    await card.getByRole('button', { name: 'Marquer comme résolu' }).click();
    for (const person of [amel, karim]) {
      await person.page.getByRole('button', { name: /Résolu \(1\)/ }).click();
      const resolved = threadCard(person.page, 'l’état d’exécution de son budget');
      await expect.poll(() => resolved.innerText(), { timeout: 15_000 }).toMatch(/Résolu par Amel Jaziri le/);
      await expect.poll(() => person.page.getByTestId('comment-highlights').evaluate((el) => el.textContent ?? '')).not.toContain('[data-thread-id');
    }
    await expect.poll(() => karim.page.getByTestId('toc-open-threads').count()).toBe(0);
    await karim.page.screenshot({ path: join(artifactsDir, 'comments-resolved-fr-1400.png') });
    expect(amel.errors).toEqual([]);
    expect(karim.errors).toEqual([]);
  });
});
