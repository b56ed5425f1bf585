import { useSyncExternalStore } from 'react';

/**
 * A tiny router over the History API: the app's routes do not justify a dependency. `navigate`
 * notifies subscribers itself because pushState fires no event.
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === window.location.pathname) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The query string (`?thread=…`), for pages that react to it without changing page. */
export function useLocationSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}
