import type { Page } from 'playwright-core';

/** Titles of the table of contents in reading order, indented by level ("  " per level below 1). */
export function tocOutline(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="toc"] [data-toc-link]', (links) =>
    links.map((link) => {
      let depth = 0;
      for (let el = link.closest('.toc-item')?.parentElement?.closest('.toc-item'); el; el = el.parentElement?.closest('.toc-item')) depth++;
      return `${'  '.repeat(depth)}${link.textContent ?? ''}`;
    }),
  );
}

const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export const tocLink = (page: Page, title: string) => page.locator('[data-testid="toc"] [data-toc-link]', { hasText: exactly(title) });

/** The row of one entry (its own link, badge, handle and menu; sub-sections are outside it). */
export const tocRow = (page: Page, title: string) =>
  page.locator('[data-testid="toc"] .toc-row', { has: page.locator('[data-toc-link]', { hasText: exactly(title) }) });

/** Runs an entry of a section's "⋯" menu. */
export async function tocAction(page: Page, title: string, action: string): Promise<void> {
  await tocRow(page, title).locator('.section-actions > button').click();
  await page.locator(`.menu [data-action="${action}"]`).click();
}
