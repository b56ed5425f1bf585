import { statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import { DEMO_PASSWORD } from '@dalil/server/demo/demoAccounts.ts';
import { Api } from '../helpers/api.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { openSection } from './support/editor.ts';

describe('screenshots of a section holding every kind of block (demo guide), French and Arabic', () => {
  let guide: GuideView;
  let coordinator: Api;

  const e2e = useBrowserApp({ demo: true });

  beforeAll(async () => {
    coordinator = new Api(e2e.app.url);
    await coordinator.login('coordinatrice@demo.dalil.tn', DEMO_PASSWORD);
    const [summary] = await coordinator.ok<Array<{ id: string }>>('GET', '/api/guides');
    guide = await coordinator.getGuide(summary!.id);
  }, 180_000);

  const cases = [
    { language: 'fr' as const, title: 'Le budget participatif en chiffres : cinq communes pilotes', label: 'Étude de cas', dir: 'ltr', table: '1', note: '1' },
    { language: 'ar' as const, title: 'الميزانية التشاركية: شهادات من البلديات', label: 'دراسة حالة', dir: 'rtl', table: '2', note: '3' },
  ];

  for (const { language, title, label, dir, table, note } of cases) {
    it(`draws tables, boxes and footnotes in ${language} (${dir})`, async () => {
      const section = guide.sections.find((s) => s.title === title)!;
      expect(section).toBeDefined();
      const { page, errors } = await openUser(e2e.browser, { cookie: coordinator.cookie!, baseUrl: e2e.app.url, language, viewport: { width: 1280, height: 2000 } });
      await openSection(page, e2e.app.url, guide.id, section.id);
      const editor = page.locator('.ProseMirror');
      await editor.locator('table').first().waitFor();
      const caseStudy = editor.locator('aside.callout--caseStudy');
      expect(await caseStudy.locator('.callout__label').textContent()).toBe(label);
      // the table's direction follows its text: right-to-left in the Arabic section
      const cellDirection = await editor.locator('table td p').first().evaluate((el) => getComputedStyle(el).direction);
      expect(cellDirection).toBe(dir);
      // numbers continue from the sections before (their counts come from the server): the Arabic
      // sub-section follows the French chapter's table and two footnotes
      await expect.poll(() => editor.locator('.table__number').first().textContent()).toContain(table);
      await expect.poll(() => editor.locator('.footnote__marker').first().textContent()).toBe(note);
      if (language === 'fr') {
        // the demo chart went through the image store: a real image, never base64
        const chart = editor.locator('.figure__media img');
        await chart.waitFor();
        expect(await chart.getAttribute('src')).toMatch(/^\/api\/guides\/[^/]+\/images\//);
        await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(900);
        expect(await editor.locator('.figure__number').textContent()).toContain('Figure 1');
      }
      const file = join(artifactsDir, `content-blocks-${language}.png`);
      await page.screenshot({ path: file, fullPage: true });
      expect(statSync(file).size).toBeGreaterThan(40_000);
      // grey scale: the box kinds must stay distinct by their border style, not by colour alone
      const styles = await editor.locator('aside.callout').evaluateAll((boxes) => boxes.map((b) => [getComputedStyle(b).borderTopStyle, getComputedStyle(b).borderInlineStartWidth, getComputedStyle(b).borderInlineEndWidth].join('/')));
      if (language === 'fr') expect(new Set(styles).size).toBe(5);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(artifactsDir, `content-blocks-${language}-print.png`), fullPage: true, style: 'html { filter: grayscale(1); }' });
      expect(errors).toEqual([]);
    });
  }
});
