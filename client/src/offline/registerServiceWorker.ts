/**
 * Registers the service worker that lets the app reload without network (built by vite-plugin-pwa
 * into dist/sw.js). Browsers only allow it on https or localhost; elsewhere the app simply works
 * online only, as before. The dev server has no service worker: stale caches would fight hot reload.
 *
 * Not at once: installing it downloads the whole app shell (every page's code) for the precache,
 * which on a slow link would compete with what the first page needs. It waits until the page says
 * it is interactive (`markInteractive`: the open section shows its text) or, on pages that never
 * say so, until a few seconds after the load event; then for an idle moment of the main thread.
 */
const FALLBACK_AFTER_LOAD_MS = 3000;
const IDLE_TIMEOUT_MS = 2000;

let interactive: () => void = () => undefined;
const interactiveSignal = new Promise<void>((resolve) => {
  interactive = resolve;
});

/** The page's main content is usable: background work may start. Idempotent. */
export function markInteractive(): void {
  interactive();
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  const fallback = loaded.then(() => new Promise<void>((resolve) => window.setTimeout(resolve, FALLBACK_AFTER_LOAD_MS)));
  void Promise.race([interactiveSignal, fallback])
    .then(idle)
    .then(() => navigator.serviceWorker.register('/sw.js', { scope: '/' }))
    .catch((error: unknown) => {
      console.warn('service worker not registered; offline reloads will not work', error);
    });
}

function idle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, 0);
  });
}
