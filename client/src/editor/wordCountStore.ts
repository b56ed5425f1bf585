import { useSyncExternalStore } from 'react';

/**
 * Word counts of the sections opened in this tab, measured from their Y.Docs. The server does not
 * provide counts yet; when it does, the table of contents prefers the server's for closed sections.
 */
const counts = new Map<string, number>();
const listeners = new Set<() => void>();
let version = 0;

export function reportWordCount(sectionId: string, count: number): void {
  if (counts.get(sectionId) === count) return;
  counts.set(sectionId, count);
  version += 1;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-renders the caller when any count changes; read values with `getWordCount`. */
export function useWordCountsVersion(): number {
  return useSyncExternalStore(subscribe, () => version);
}

export function getWordCount(sectionId: string): number | undefined {
  return counts.get(sectionId);
}
