import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browserApp.ts';
import { expectProblem } from './support/consoleGuard.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';

describe('status line when the server goes away', () => {
  let user: UserPage;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const hela = await e2e.app.user('Hela');
    const { guide, section } = await hela.api.guideWithSection();
    user = await openUser(e2e.browser, { cookie: hela.cookie, baseUrl: e2e.app.url });
    await openSection(user.page, e2e.app.url, guide.id, section.id);
  });

  it('says "saved" once the server has the text on disk', async () => {
    await typeParagraph(user.page, 'Réunion avec le secrétaire général.');
    await user.page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 10_000 });
    expect(await user.page.getByTestId('save-status').innerText()).toContain('Enregistré sur le serveur');
  });

  it('switches to offline, keeps the text editable, and says where the changes are kept', async () => {
    // Fastify answers 503 to requests that arrive while it closes (the bell's poll, a refetch):
    // the client keeps what it has, as for a refused connection once the server is gone
    expectProblem(user.page, /status of 503 .*\/api\//, 'a request reached the server while it was shutting down');
    await e2e.app.server.stop();
    await user.page.locator('.status-line[data-connection="offline"]').waitFor({ timeout: 10_000 });
    expect(await user.page.locator('.status-line__connection').innerText()).toContain('vos modifications sont conservées sur cet appareil');
    // no "saved" claim while the server cannot confirm anything
    await expect.poll(() => user.page.getByTestId('save-status').count()).toBe(0);
    await typeParagraph(user.page, 'Écrit hors ligne.');
    expect(await editorOf(user.page).innerText()).toContain('Écrit hors ligne.');
  });
});
