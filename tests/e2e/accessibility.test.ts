import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GuideView } from '@dalil/shared';
import { DEMO_PASSWORD } from '@dalil/server/demo/demoAccounts.ts';
import { Api } from '../helpers/api.ts';
import { artifactsDir, startApp, type RunningApp } from './support/app.ts';
import { launchBrowser, openUser } from './support/browser.ts';
import { axeViolations } from './support/axe.ts';
import { expectProblem, takeProblems } from './support/consoleGuard.ts';
import { openSection } from './support/editor.ts';

/**
 * axe-core on every main page of the demo guide, in French and Arabic, signed in as the
 * coordinator (who sees every control): zero violations of any impact. A regression names the
 * rule and the elements.
 */
describe('accessibility (axe-core): no violation on the main pages, in French and Arabic', () => {
  let app: RunningApp;
  let browser: Browser;
  let coordinator: Api;
  let guide: GuideView;

  beforeAll(async () => {
    app = await startApp({ demo: true });
    browser = await launchBrowser();
    coordinator = new Api(app.url);
    await coordinator.login('coordinatrice@demo.dalil.tn', DEMO_PASSWORD);
    const [summary] = await coordinator.ok<Array<{ id: string }>>('GET', '/api/guides');
    guide = await coordinator.getGuide(summary!.id);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const section = () => guide.sections.find((s) => s.parentId !== null) ?? guide.sections[0]!;

  const pages: Array<{ name: string; signedIn: boolean; open: (page: Page) => Promise<void> }> = [
    {
      name: 'login',
      signedIn: false,
      open: async (page) => {
        await page.goto(`${app.url}/`);
        await page.locator('input[type="password"]').waitFor();
      },
    },
    {
      name: 'guides',
      signedIn: true,
      open: async (page) => {
        await page.goto(`${app.url}/`);
        await page.locator(`a[href="/guides/${guide.id}"]`).first().waitFor();
      },
    },
    {
      name: 'section',
      signedIn: true,
      open: async (page) => {
        await openSection(page, app.url, guide.id, section().id);
        await page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 15_000 });
        await page.getByTestId('workflow-panel').waitFor();
      },
    },
    {
      name: 'progress',
      signedIn: true,
      open: async (page) => {
        await page.goto(`${app.url}/guides/${guide.id}/progress`);
        await page.getByTestId('status-chart').waitFor();
      },
    },
    {
      name: 'members',
      signedIn: true,
      open: async (page) => {
        await page.goto(`${app.url}/guides/${guide.id}/members`);
        await page.locator('.member-row').first().waitFor();
      },
    },
    {
      name: 'comments',
      signedIn: true,
      open: async (page) => {
        await page.goto(`${app.url}/guides/${guide.id}/comments`);
        await page.locator('main h1').waitFor();
        await page.locator('.threads-page__list').first().waitFor();
      },
    },
  ];

  it('the console guard records an unexpected console error or page error, not an expected one', async () => {
    const { page, context } = await openUser(browser, { baseUrl: app.url });
    try {
      await page.goto(`${app.url}/`);
      await page.locator('input[type="password"]').waitFor();
      expectProblem(page, /^attendu: /, 'provoked by this test');
      await page.evaluate(() => {
        console.error('attendu: ignoré');
        console.error('inattendu: signalé');
        setTimeout(() => {
          throw new Error('jetée hors de tout gestionnaire');
        });
      });
      await expect.poll(() => takeProblemsInto(seen).length).toBe(2);
      expect(seen[0]).toMatch(/^console error: inattendu: signalé/);
      expect(seen[1]).toBe('page error: Error: jetée hors de tout gestionnaire');
    } finally {
      await context.close();
    }
  });
  const seen: string[] = [];
  const takeProblemsInto = (into: string[]) => {
    into.push(...takeProblems());
    return into;
  };

  for (const language of ['fr', 'ar'] as const) {
    for (const target of pages) {
      it(`${target.name} (${language})`, async () => {
        const { page, context } = await openUser(browser, { cookie: target.signedIn ? coordinator.cookie! : undefined, baseUrl: app.url, language });
        try {
          await target.open(page);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
          const violations = await axeViolations(page);
          if (violations.length > 0) await page.screenshot({ path: join(artifactsDir, `axe-${target.name}-${language}.png`), fullPage: true });
          expect(violations).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
