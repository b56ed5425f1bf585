/**
 * Registers the service worker that lets the app reload without network (built by vite-plugin-pwa
 * into dist/sw.js). Browsers only allow it on https or localhost; elsewhere the app simply works
 * online only, as before. The dev server has no service worker: stale caches would fight hot reload.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
    console.warn('service worker not registered; offline reloads will not work', error);
  });
}
