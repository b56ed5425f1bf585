import type { Page } from 'playwright-core';

/**
 * Waits until the service worker controls the page and has the app shell cached: before that, a
 * reload without network has nothing to load from.
 */
export async function waitForOfflineShell(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    // clientsClaim: control arrives right after activation
    await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  });
}

/** The status line's count of changes waiting to be sent, or null while unknown. */
export async function pendingChanges(page: Page): Promise<number | null> {
  const value = await page.locator('.status-line').getAttribute('data-pending');
  return value === null ? null : Number(value);
}

/** How many times `token` (letters and digits) occurs in `text` as a whole word. */
export function occurrences(text: string, token: string): number {
  // not split on spaces: carets put their label text (with word joiners) right after a word
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${token}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
}
