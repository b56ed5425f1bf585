import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GuideView } from '@dalil/shared';
import { DEMO_PASSWORD } from '@dalil/server/demo/demoAccounts.ts';
import { Api } from '../helpers/api.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { openSection } from './support/editor.ts';

const WIDTHS = [360, 390, 768, 900, 1280, 1920] as const;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Boxes of the header's parts, in page coordinates (null when not displayed). */
async function headerBoxes(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const el = document.querySelector(selector);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return r.width === 0 && r.height === 0 ? null : { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    };
    const title = document.querySelector<HTMLElement>('.app-header .guide-bar__title')!;
    return {
      header: box('.app-header')!,
      brand: box('.app-header .brand')!,
      title: box('.app-header .guide-bar__title')!,
      titleCut: title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1,
      nav: box('.app-header .guide-bar__nav')!,
      tools: box('.app-header__tools')!,
      inBar: [...document.querySelectorAll('.guide-bar [data-bar-item]')].map((el) => (el as HTMLElement).dataset.barItem!),
      scrollWidth: document.documentElement.scrollWidth,
    };
  });
}

const overlaps = (a: Box, b: Box) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

describe('guide page layout at every width, in French and Arabic (screenshot matrix)', () => {
  let guide: GuideView;
  let coordinator: Api;
  const e2e = useBrowserApp({ demo: true });

  beforeAll(async () => {
    coordinator = new Api(e2e.app.url);
    await coordinator.login('coordinatrice@demo.dalil.tn', DEMO_PASSWORD);
    const [summary] = await coordinator.ok<Array<{ id: string }>>('GET', '/api/guides');
    guide = await coordinator.getGuide(summary!.id);
  });

  const section = () => guide.sections.find((s) => s.parentId !== null && s.wordCount > 0) ?? guide.sections[0]!;

  for (const language of ['fr', 'ar'] as const) {
    it(`${language}: the header keeps its parts apart and the page never scrolls sideways`, async () => {
      const user = await openUser(e2e.browser, { cookie: coordinator.cookie!, baseUrl: e2e.app.url, language, viewport: { width: 1280, height: 800 } });
      const { page } = user;
      await openSection(page, e2e.app.url, guide.id, section().id);
      for (const width of WIDTHS) {
        const height = width < 700 ? 844 : 800;
        await page.setViewportSize({ width, height });
        // the bar re-fits on resize (ResizeObserver, before paint): take the layout once two frames agree
        let boxes = await headerBoxes(page);
        for (let i = 0; i < 20; i++) {
          await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
          const again = await headerBoxes(page);
          if (JSON.stringify(again) === JSON.stringify(boxes)) break;
          boxes = again;
        }
        const where = `${language} at ${width}px`;
        expect(boxes.scrollWidth, `${where}: nothing sticks out sideways`).toBeLessThanOrEqual(width);
        // one header row, whatever the width
        expect(boxes.header.bottom - boxes.header.top, `${where}: header height`).toBeLessThanOrEqual(60);
        for (const [a, b] of [
          ['brand', 'title'],
          ['title', 'nav'],
          ['nav', 'tools'],
          ['title', 'tools'],
        ] as const) {
          expect(overlaps(boxes[a], boxes[b]), `${where}: ${a} and ${b} overlap`).toBe(false);
        }
        for (const part of ['title', 'nav', 'tools'] as const) {
          expect(boxes[part].left >= -0.5 && boxes[part].right <= width + 0.5, `${where}: ${part} inside the window`).toBe(true);
        }
        // from a laptop up, the title is shown whole
        if (width >= 1280) expect(boxes.titleCut, `${where}: the title is cut`).toBe(false);
        if (width >= 1920) expect(boxes.inBar.length, `${where}: every page link in the bar`).toBe(7);
        // the pages that did not fit are one click away
        const more = page.getByTestId('guide-more-menu');
        if (boxes.inBar.length < 7) {
          await more.getByRole('button').click();
          const rows = more.locator('.guide-bar__menu-row');
          expect(await rows.count(), `${where}: links in the bar or in the menu`).toBe(7 - boxes.inBar.length);
          await page.screenshot({ path: join(artifactsDir, `layout-${language}-${width}-menu.png`) });
          await page.keyboard.press('Escape');
          await expect.poll(() => more.locator('.more-menu__panel').isVisible()).toBe(false);
        } else {
          expect(await more.isVisible()).toBe(false);
        }
        await page.screenshot({ path: join(artifactsDir, `layout-${language}-${width}.png`) });
      }
      await user.context.close();
    });
  }
});
