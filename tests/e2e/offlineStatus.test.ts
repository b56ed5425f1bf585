import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startApp, type RunningApp } from './support/app.ts';
import { launchBrowser, openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';

describe('status line when the server goes away', () => {
  let app: RunningApp;
  let browser: Browser;
  let user: UserPage;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const hela = await app.user('Hela');
    const { guide, section } = await hela.api.guideWithSection();
    user = await openUser(browser, { cookie: hela.cookie, baseUrl: app.url });
    await openSection(user.page, app.url, guide.id, section.id);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('says "saved" once the server has the text on disk', async () => {
    await typeParagraph(user.page, 'Réunion avec le secrétaire général.');
    await user.page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 10_000 });
    expect(await user.page.getByTestId('save-status').innerText()).toContain('Enregistré sur le serveur');
  });

  it('switches to offline, keeps the text editable, and says where the changes are kept', async () => {
    await app.server.stop();
    await user.page.locator('.status-line[data-connection="offline"]').waitFor({ timeout: 10_000 });
    expect(await user.page.locator('.status-line__connection').innerText()).toContain('vos modifications sont conservées sur cet appareil');
    // no "saved" claim while the server cannot confirm anything
    expect(await user.page.getByTestId('save-status').count()).toBe(0);
    await typeParagraph(user.page, 'Écrit hors ligne.');
    expect(await editorOf(user.page).innerText()).toContain('Écrit hors ligne.');
  });
});
