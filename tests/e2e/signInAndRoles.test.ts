import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../helpers/accounts.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { editorOf } from './support/editor.ts';

describe('signing in, deep links, and what a reader is offered', () => {
  let sectionUrl: string;
  let readerEmail: string;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const coordinator = await e2e.app.user('Leïla');
    const reader = await e2e.app.user('Nour');
    readerEmail = reader.user.email;
    const { guide, section } = await coordinator.api.guideWithSection();
    await e2e.app.join(guide.id, reader, 'reader');
    sectionUrl = `${e2e.app.url}/guides/${guide.id}/sections/${section.id}`;
  });

  it('asks a signed-out visitor to sign in, then opens the deep-linked section', async () => {
    const { page, errors } = await openUser(e2e.browser, { baseUrl: e2e.app.url });
    await page.goto(sectionUrl);
    await page.getByLabel('Adresse e-mail').fill(readerEmail);
    await page.getByLabel('Mot de passe').fill('pas le bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('incorrect');

    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await editorOf(page).waitFor({ state: 'visible', timeout: 15_000 });
    expect(await page.locator('h1#section-title').innerText()).toBe('Section de test');
    expect(new URL(page.url()).pathname).toBe(new URL(sectionUrl).pathname);
    expect(errors).toEqual([]);
  });

  it('shows a reader the text read-only, without toolbar or structure controls', async () => {
    const { page } = await openUser(e2e.browser, { baseUrl: e2e.app.url });
    await page.goto(sectionUrl);
    await page.getByLabel('Adresse e-mail').fill(readerEmail);
    await page.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByTestId('read-only').waitFor();
    // the notice is drawn first, the editor's editable flag follows in an effect: poll it
    await expect.poll(() => editorOf(page).getAttribute('contenteditable')).toBe('false');
    expect(await page.getByRole('toolbar').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ajouter un chapitre' }).count()).toBe(0);
    expect(await page.locator('.section-actions').count()).toBe(0);
  });
});
