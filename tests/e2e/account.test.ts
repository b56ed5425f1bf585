import { beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../helpers/api.ts';
import { TEST_PASSWORD, type TestUser } from '../helpers/accounts.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';

describe('my account page and roles on guide cards', () => {
  let user: TestUser;
  let guideTitle: string;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const owner = await e2e.app.user('Leïla');
    user = await e2e.app.user('Youssef');
    const guide = await owner.api.createGuide('Budget participatif');
    guideTitle = guide.title;
    await e2e.app.join(guide.id, user, 'reviewer');
    await user.api.createGuide('Guide de Youssef');
  });

  it('shows my role on each guide card', async () => {
    const { page, context } = await openUser(e2e.browser, { cookie: user.cookie, baseUrl: e2e.app.url });
    await page.goto(e2e.app.url);
    const card = page.locator('.guide-card', { hasText: guideTitle });
    expect(await card.getByTestId('guide-role').innerText()).toBe('Relecteur');
    expect(await page.locator('.guide-card', { hasText: 'Guide de Youssef' }).getByTestId('guide-role').innerText()).toBe('Coordinateur');
    await context.close();
  });

  it('renames me (the header follows), changes my password, and lists my guides with my role', async () => {
    const { page, context, errors } = await openUser(e2e.browser, { cookie: user.cookie, baseUrl: e2e.app.url });
    await page.goto(e2e.app.url);
    await page.getByRole('button', { name: /Votre nom : Youssef/ }).click();
    await page.getByRole('link', { name: 'Mon compte' }).click();
    await page.waitForURL(`${e2e.app.url}/account`);

    const guides = page.getByTestId('my-guides');
    await guides.waitFor();
    expect(await guides.locator('li', { hasText: guideTitle }).innerText()).toContain('Relecteur');

    await page.getByLabel('Nom affiché aux autres participants').fill('Youssef Chebbi');
    await page.getByRole('button', { name: 'Enregistrer le nom' }).click();
    await expect.poll(() => page.locator('.user-name__text').innerText()).toBe('Youssef Chebbi');
    await page.getByText('Nom enregistré.').waitFor();

    // a wrong current password is refused with a clear message
    await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
    await page.getByLabel('Nouveau mot de passe (10 caractères au moins)').fill('nouveau-mot-de-passe');
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('nouveau-mot-de-passe');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Le mot de passe actuel est incorrect.');

    // a mismatch never reaches the server
    await page.getByLabel('Mot de passe actuel').fill(TEST_PASSWORD);
    await page.getByLabel('Confirmez le nouveau mot de passe').fill('autre-chose-encore');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('ne sont pas identiques');

    await page.getByLabel('Confirmez le nouveau mot de passe').fill('nouveau-mot-de-passe');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await page.getByText('Mot de passe changé.').waitFor({ timeout: 15_000 });
    expect(await page.getByLabel('Mot de passe actuel').inputValue()).toBe('');

    // the new password is the one that works now
    const fresh = new Api(e2e.app.url);
    expect((await fresh.request('POST', '/api/auth/login', { email: user.user.email, password: TEST_PASSWORD })).status).toBe(401);
    const me = await fresh.login(user.user.email, 'nouveau-mot-de-passe');
    expect(me.user.name).toBe('Youssef Chebbi');
    expect(errors).toEqual([]);
    await context.close();
  });
});
