import type { Page } from 'playwright-core';

/**
 * Starts measuring keystroke → paint in the page: from the `keydown` event's timestamp to a
 * `setTimeout(0)` queued in the animation frame after the resulting `input` event (the browser has
 * painted the edit by then). Samples accumulate until `keystrokeSamples` reads them.
 */
export async function installKeystrokeProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { keySamples: number[] }).keySamples = samples;
    let pending: number | null = null;
    document.addEventListener('keydown', (event) => (pending = event.timeStamp), true);
    document.addEventListener('input', () => {
      const at = pending;
      pending = null;
      if (at === null) return;
      // the frame after the edit: the browser has painted it by the time this timeout runs
      requestAnimationFrame(() => setTimeout(() => samples.push(performance.now() - at), 0));
    }, true);
  });
}

/** The samples once at least `atLeast` were taken. */
export async function keystrokeSamples(page: Page, atLeast: number): Promise<number[]> {
  await page.waitForFunction((n) => (window as unknown as { keySamples: number[] }).keySamples.length >= n, atLeast, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { keySamples: number[] }).keySamples);
}
