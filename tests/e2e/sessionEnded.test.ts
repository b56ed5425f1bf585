import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { expectProblem } from './support/consoleGuard.ts';
import { openSection } from './support/editor.ts';

describe('a section socket refused with 4401 (session gone) sends the user to the login page', () => {
  const e2e = useBrowserApp();

  it('shows the login page, keeping the section URL, when the reconnect finds no session', async () => {
    const coordinator = await e2e.app.user('Leïla');
    const member = await e2e.app.user('Nour');
    const { guide, section } = await coordinator.api.guideWithSection();
    await e2e.app.join(guide.id, member, 'reader');
    const { page, context } = await openUser(e2e.browser, { cookie: member.cookie, baseUrl: e2e.app.url });
    await openSection(page, e2e.app.url, guide.id, section.id);

    // the session ends elsewhere (sign-out on another device shares nothing with this tab)…
    expect((await member.api.request('POST', '/api/auth/logout')).status).toBe(204);
    // …and a role change makes the server close the sockets (4000); the reconnect is refused with 4401
    await coordinator.api.ok('PATCH', `/api/guides/${guide.id}/members/${member.user.id}`, { role: 'author' });

    await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe(`/guides/${guide.id}/sections/${section.id}`);
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    await context.close();
  });

  it('a reload after the session ended elsewhere ends on the login page, though the browser kept the guide from before', async () => {
    const coordinator = await e2e.app.user('Salma');
    const member = await e2e.app.user('Hédi');
    const { guide, section } = await coordinator.api.guideWithSection();
    await e2e.app.join(guide.id, member, 'author');
    const { page, context } = await openUser(e2e.browser, { cookie: member.cookie, baseUrl: e2e.app.url });
    await openSection(page, e2e.app.url, guide.id, section.id);
    // the page drew from the kept copies first; they are there for the next load
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes('dalil-api'))).toBe(true);

    expect((await member.api.request('POST', '/api/auth/logout')).status).toBe(204);
    // the kept guide draws the workspace at once, which asks for the section's workflow and the
    // threads beside the guide itself: on a fast machine their 401s can come before the guide's
    expectProblem(page, /status of 401 .*\/api\/guides\/[^/]+\/(threads|sections\/[^/]+\/workflow):/, 'the session ended: these replies come before or after the guide\'s own 401, which shows the login page');
    await page.reload();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe(`/guides/${guide.id}/sections/${section.id}`);
    expect(await page.locator('.ProseMirror').count()).toBe(0);
    // what this account kept is forgotten: the next person on this device does not see it
    await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes('dalil-api'))).toBe(false);
    await context.close();
  });
});
