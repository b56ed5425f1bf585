import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@dalil/server/demo/demoAccounts.ts';
import { Api } from '../helpers/api.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { createInvitationLink, openMembers } from './support/members.ts';

describe('members page screenshots (demo guide), French and Arabic', () => {
  let coordinator: Api;
  let guideId: string;

  const e2e = useBrowserApp({ demo: true });

  beforeAll(async () => {
    coordinator = new Api(e2e.app.url);
    await coordinator.login('coordinatrice@demo.dalil.tn', DEMO_PASSWORD);
    const [summary] = await coordinator.ok<Array<{ id: string }>>('GET', '/api/guides');
    guideId = summary!.id;
    // links in every state but "used", so the list shows its badges
    await coordinator.ok('POST', `/api/guides/${guideId}/invitations`, { role: 'reviewer', multiUse: true, expiresInHours: 24 * 30, label: 'formateur CEFAD, chapitre 2' });
    const revoked = await coordinator.ok<{ id: string }>('POST', `/api/guides/${guideId}/invitations`, { role: 'reader' });
    await coordinator.ok('DELETE', `/api/guides/${guideId}/invitations/${revoked.id}`);
  });

  for (const language of ['fr', 'ar'] as const) {
    it(`renders the ${language} members page with a new link, on desktop and phone`, async () => {
      const { page, context, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie!, baseUrl: e2e.app.url, language });
      await openMembers(page, e2e.app.url, guideId);
      expect(await page.locator('.member-row').count()).toBe(5);
      // role names are translated, never the codes
      const roles = await page.locator('.member-row select').evaluateAll((selects) =>
        selects.map((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? ''),
      );
      expect(roles).not.toContain('coordinator');
      expect(roles).toContain(language === 'fr' ? 'Coordinateur' : 'منسّق');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');

      await createInvitationLink(page, { role: 'author' });
      await page.getByTestId('invitation-list').locator('.invitation-row').nth(1).waitFor();
      // revoked links are folded away: open them for the picture
      await page.getByTestId('inactive-invitations').locator('summary').click();
      // tall enough for the whole page without scrolling, so the sticky header stays on top
      await page.setViewportSize({ width: 1280, height: 1400 });
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const file = join(artifactsDir, `members-${language}-1280.png`);
      await page.screenshot({ path: file });
      expect(statSync(file).size).toBeGreaterThan(20_000);

      await page.setViewportSize({ width: 390, height: 844 });
      // the layout follows the resize (media queries, resize listeners): poll it rather than sleep
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(artifactsDir, `members-${language}-390.png`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('renders the invitation page in Arabic on a phone', async () => {
    const created = await coordinator.ok<{ path: string }>('POST', `/api/guides/${guideId}/invitations`, { role: 'contributor' });
    const { page, context } = await openUser(e2e.browser, { baseUrl: e2e.app.url, language: 'ar', viewport: { width: 390, height: 844 } });
    await page.goto(e2e.app.url + created.path);
    await page.getByRole('button', { name: 'إنشاء حسابي والانضمام إلى الدليل' }).waitFor();
    expect(await page.getByTestId('invitation').innerText()).toContain('بصفة مساهم');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(artifactsDir, 'invitation-ar-390.png') });
    await context.close();
  });
});
