/**
 * Progress of the image uploads this browser runs, keyed by the token their placeholder figure
 * carries (`missing: "uploading:<token>"`), so the figure's node view can draw a progress bar.
 */
type Listener = () => void;

const progress = new Map<string, number>();
const listeners = new Map<string, Set<Listener>>();

export const UPLOADING_PREFIX = 'uploading:';

export function uploadToken(missing: unknown): string | null {
  return typeof missing === 'string' && missing.startsWith(UPLOADING_PREFIX) ? missing.slice(UPLOADING_PREFIX.length) : null;
}

export function reportProgress(token: string, percent: number): void {
  progress.set(token, percent);
  for (const listener of listeners.get(token) ?? []) listener();
}

export function progressOf(token: string): number | undefined {
  return progress.get(token);
}

export function watchProgress(token: string, listener: Listener): () => void {
  let set = listeners.get(token);
  if (!set) listeners.set(token, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(token);
  };
}

export function endProgress(token: string): void {
  progress.delete(token);
  for (const listener of listeners.get(token) ?? []) listener();
}
