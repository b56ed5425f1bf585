import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView, SectionView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { openSection } from './support/editor.ts';
import { tocRow } from './support/toc.ts';

const longTitle = 'Guide pratique de la participation citoyenne au budget municipal des communes tunisiennes — édition révisée';
const longWord = 'Anticonstitutionnellementparticipativementmunicipalementbudgétairement';

describe('labels that say what they do, and long titles that stay in their card', () => {
  let coordinator: TestUser;
  let guide: GuideView;
  let section: SectionView;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    coordinator = await e2e.app.user('Leïla Ben Salah');
    ({ guide, section } = await coordinator.api.guideWithSection());
    await coordinator.api.createGuide(`${longTitle} ${longWord}`);
  });

  for (const language of ['fr', 'ar'] as const) {
    it(`keeps a long guide title inside its card on a phone (${language})`, async () => {
      const { page, context, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url, language, viewport: { width: 390, height: 844 } });
      await page.goto(e2e.app.url);
      const card = page.locator('.guide-card', { hasText: longWord });
      await card.waitFor();
      const fits = await card.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const title = el.querySelector('.guide-card__link')!.getBoundingClientRect();
        return { inside: title.left >= box.left - 0.5 && title.right <= box.right + 0.5, pageOverflow: document.documentElement.scrollWidth > window.innerWidth };
      });
      expect(fits).toEqual({ inside: true, pageOverflow: false });
      await card.screenshot({ path: join(artifactsDir, `guide-card-long-title-${language}.png`) });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('names the comment filter after what it counts, and says it in full on the button', async () => {
    const { page, context, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    await openSection(page, e2e.app.url, guide.id, section.id);
    const mine = page.locator('.comments__filter').nth(2);
    await mine.waitFor();
    expect(await mine.innerText()).toMatch(/^Mes fils et mentions \(0\)$/);
    expect(await mine.getAttribute('title')).toBe('Les fils que vous avez ouverts, ceux où vous avez répondu et ceux où vous êtes mentionné.');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('isolates a French title inside an Arabic sentence (and leaves French sentences as they were)', async () => {
    const labels: Record<string, string> = {};
    for (const language of ['fr', 'ar'] as const) {
      const { page, context, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url, language });
      await page.goto(`${e2e.app.url}/guides/${guide.id}`);
      const button = tocRow(page, section.title).locator('.section-actions > button');
      await button.waitFor();
      labels[language] = (await button.getAttribute('aria-label'))!;
      if (language === 'ar') {
        // draw the sentence as the interface would, to look at where the guillemets land
        await page.evaluate((text) => {
          const probe = document.createElement('p');
          probe.id = 'bidi-probe';
          probe.style.cssText = 'font-size:28px;padding:12px;background:#fff;width:520px';
          probe.textContent = text;
          document.body.prepend(probe);
        }, labels.ar!);
        await page.locator('#bidi-probe').screenshot({ path: join(artifactsDir, 'bidi-isolated-title-ar.png') });
      }
      expect(errors).toEqual([]);
      await context.close();
    }
    expect(labels.fr).toBe(`Actions pour « ${section.title} »`);
    expect(labels.ar).toBe(`إجراءات «\u2068${section.title}\u2069»`);
  });

  it('does not count an empty chapter heading among the sections to validate, and says so on its row', async () => {
    const chaptered = await coordinator.api.createGuide('Guide à chapitres');
    const chapter = await coordinator.api.createSection(chaptered.id, 'Chapitre 1');
    await coordinator.api.createSection(chaptered.id, 'Première partie', chapter.id);
    await coordinator.api.createSection(chaptered.id, 'Deuxième partie', chapter.id);
    const { page, context, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    await page.goto(`${e2e.app.url}/guides/${chaptered.id}/progress`);
    await page.getByTestId('layout-status').waitFor();
    expect(await page.getByTestId('layout-status').innerText()).toContain('0 sur 2');
    expect(await page.getByTestId('figure-total').innerText()).toBe('2');
    const row = page.getByTestId('sections-progress').locator('tr', { hasText: 'Chapitre 1' });
    expect(await row.getByTestId('heading-not-counted').innerText()).toBe('Titre de chapitre, non compté');
    expect(await page.getByTestId('heading-not-counted').count()).toBe(1);
    await page.getByTestId('sections-progress').screenshot({ path: join(artifactsDir, 'progress-heading-row.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
