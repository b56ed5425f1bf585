import type { Page } from 'playwright-core';

/** Selects `text` inside the editor the way a mouse drag would (a DOM selection ProseMirror reads). */
export async function selectInEditor(page: Page, text: string): Promise<void> {
  await page.evaluate((needle) => {
    const root = document.querySelector('.ProseMirror');
    if (!root) throw new Error('no editor');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1;
      if (at >= 0) {
        (root as HTMLElement).focus();
        window.getSelection()!.setBaseAndExtent(node, at, node, at + needle.length);
        return;
      }
    }
    throw new Error(`"${needle}" is not in one text node of the editor`);
  }, text);
  // ProseMirror reads the DOM selection on selectionchange
  await page.waitForFunction((needle) => window.getSelection()?.toString() === needle, text);
}

/** The card of the thread whose quote contains `quote`. */
export const threadCard = (page: Page, quote: string) => page.locator('[data-thread-card]', { has: page.locator('.thread__quote', { hasText: quote }) });
