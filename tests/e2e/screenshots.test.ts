import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import { DEMO_PASSWORD } from '@dalil/server/demo/demoAccounts.ts';
import { Api } from '../helpers/api.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { openSection } from './support/editor.ts';

const readmeShot = resolve(import.meta.dirname, '../../client/docs/screenshot-guide.png');

describe('guide view screenshots (demo guide), desktop and phone', () => {
  let guide: GuideView;
  let coordinator: Api;
  let author: Api;

  const e2e = useBrowserApp({ demo: true });

  beforeAll(async () => {
    coordinator = new Api(e2e.app.url);
    await coordinator.login('coordinatrice@demo.dalil.tn', DEMO_PASSWORD);
    author = new Api(e2e.app.url);
    await author.login('auteur@demo.dalil.tn', DEMO_PASSWORD);
    const [summary] = await coordinator.ok<Array<{ id: string }>>('GET', '/api/guides');
    guide = await coordinator.getGuide(summary!.id);
  });

  /** A section with real text in it, past the first chapter heading. */
  const section = () => guide.sections.find((s) => s.parentId !== null) ?? guide.sections[0]!;

  for (const language of ['fr', 'ar'] as const) {
    it(`renders the ${language} guide view with the section text`, async () => {
      const { page, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie!, baseUrl: e2e.app.url, language });
      // a second person in the same section, so presence and carets show up in the picture
      const other = await openUser(e2e.browser, { cookie: author.cookie!, baseUrl: e2e.app.url, language });
      await openSection(other.page, e2e.app.url, guide.id, section().id);
      await other.page.locator('.ProseMirror').click();
      await openSection(page, e2e.app.url, guide.id, section().id);
      await page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 10_000 });
      await page.locator('[data-testid="toc-presence"]').first().waitFor({ timeout: 10_000 });
      // the word count is measured from the synced document: never "0" for a section with text
      await expect.poll(() => page.locator('.status-line__words').innerText(), { timeout: 5_000 }).toMatch(/[1-9]/);
      expect((await page.locator('.ProseMirror').innerText()).length).toBeGreaterThan(200);

      const file = join(artifactsDir, `guide-${language}-1280.png`);
      await page.screenshot({ path: file });
      expect(statSync(file).size).toBeGreaterThan(20_000);
      // the README's screenshot is refreshed only on request, so a test run leaves the tree clean
      if (language === 'fr' && process.env.DALIL_UPDATE_DOCS === '1') {
        mkdirSync(resolve(readmeShot, '..'), { recursive: true });
        copyFileSync(file, readmeShot);
      }

      await page.setViewportSize({ width: 390, height: 844 });
      // nothing sticks out sideways on a phone; the layout follows the resize (comment cards are
      // placed by a resize listener): poll it rather than sleep
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(artifactsDir, `guide-${language}-390.png`) });
      expect(errors).toEqual([]);
      await other.context.close();
      await page.context().close();
    });
  }

  it('renders the guide list (fr) and the sign-in page (ar, phone)', async () => {
    const list = await openUser(e2e.browser, { cookie: coordinator.cookie!, baseUrl: e2e.app.url });
    await list.page.goto(e2e.app.url);
    await list.page.getByTestId('guide-list').waitFor();
    expect(await list.page.getByTestId('guide-list').innerText()).toContain(guide.title);
    await list.page.screenshot({ path: join(artifactsDir, 'guides-fr-1280.png') });
    await list.context.close();

    const signIn = await openUser(e2e.browser, { baseUrl: e2e.app.url, language: 'ar', viewport: { width: 390, height: 844 } });
    await signIn.page.goto(`${e2e.app.url}/guides/${guide.id}`);
    await signIn.page.getByRole('button', { name: 'دخول' }).waitFor();
    expect(await signIn.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await signIn.page.screenshot({ path: join(artifactsDir, 'login-ar-390.png') });
    await signIn.context.close();
  });
});
