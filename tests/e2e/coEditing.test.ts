import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';

describe('two people editing one section in the browser', () => {
  let alice: UserPage;
  let bob: UserPage;
  let guideId: string;
  let sectionId: string;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const aliceAccount = await e2e.app.user('Alice Trabelsi');
    const bobAccount = await e2e.app.user('Bilel Mansour');
    const { guide, section } = await aliceAccount.api.guideWithSection(); // Alice coordinates it
    await e2e.app.join(guide.id, bobAccount, 'author');
    guideId = guide.id;
    sectionId = section.id;
    alice = await openUser(e2e.browser, { cookie: aliceAccount.cookie, baseUrl: e2e.app.url });
    bob = await openUser(e2e.browser, { cookie: bobAccount.cookie, baseUrl: e2e.app.url });
    await openSection(alice.page, e2e.app.url, guideId, sectionId);
    await openSection(bob.page, e2e.app.url, guideId, sectionId);
  });

  it("shows what one types in the other's editor, with the writer's named caret", async () => {
    await typeParagraph(alice.page, 'Alice écrit sur la transparence budgétaire.');
    await expect.poll(() => editorOf(bob.page).innerText(), { timeout: 10_000 }).toContain('Alice écrit sur la transparence budgétaire.');

    const label = bob.page.locator('.collaboration-carets__label', { hasText: 'Alice Trabelsi' });
    await label.waitFor({ state: 'visible', timeout: 10_000 });
    // in Alice's colour: the one her own avatar shows in Bob's header
    const avatar = bob.page.locator('[data-testid="presence"] [role="img"][aria-label^="Alice Trabelsi"]');
    expect(await label.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(await avatar.evaluate((el) => getComputedStyle(el).backgroundColor));
  });

  it("undo takes back only one's own change, never the other person's", async () => {
    await typeParagraph(bob.page, 'Bilel ajoute un exemple de Sfax.');
    await expect.poll(() => editorOf(alice.page).innerText(), { timeout: 10_000 }).toContain('Bilel ajoute un exemple de Sfax.');

    await editorOf(alice.page).click();
    // Yjs groups quick keystrokes into one undo step; a few presses suffice, bounded anyway
    for (let i = 0; i < 6 && (await editorOf(alice.page).innerText()).includes('transparence'); i++) {
      await alice.page.keyboard.press('Control+z');
      await alice.page.waitForTimeout(150);
    }
    await expect.poll(() => editorOf(bob.page).innerText(), { timeout: 10_000 }).not.toContain('Alice écrit');
    expect(await editorOf(alice.page).innerText()).toContain('Bilel ajoute un exemple de Sfax.');
    expect(await editorOf(bob.page).innerText()).toContain('Bilel ajoute un exemple de Sfax.');
  });

  it('reports the text as saved on the server, and it survives a reload (deep link)', async () => {
    await alice.page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 10_000 });
    await bob.page.reload();
    await editorOf(bob.page).waitFor({ state: 'visible' });
    await expect.poll(() => editorOf(bob.page).innerText(), { timeout: 10_000 }).toContain('Bilel ajoute un exemple de Sfax.');
    expect(await bob.page.locator('h1#section-title').innerText()).toBe('Section de test');
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });
});
