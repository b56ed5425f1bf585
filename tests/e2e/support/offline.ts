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

/**
 * The pending count once it has caught up with the last keystroke: the app recounts at most every
 * 150 ms after an edit (client/src/collaboration/savedState.ts), so a count read right after typing
 * can be an intermediate one. Settled = the same value on reads 500 ms apart (bounded: 15 s).
 */
export async function settledPendingChanges(page: Page): Promise<number | null> {
  const deadline = Date.now() + 15_000;
  let previous = await pendingChanges(page);
  for (;;) {
    await page.waitForTimeout(500);
    const current = await pendingChanges(page);
    if (current === previous || Date.now() > deadline) return current;
    previous = current;
  }
}

/** How many times `token` (letters and digits) occurs in `text` as a whole word. */
export function occurrences(text: string, token: string): number {
  // not split on spaces: carets put their label text (with word joiners) right after a word
  return text.match(new RegExp(`(?<![\\p{L}\\p{N}])${token}(?![\\p{L}\\p{N}])`, 'gu'))?.length ?? 0;
}
