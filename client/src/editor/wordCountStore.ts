import { useSyncExternalStore } from 'react';

/**
 * Word counts of the sections opened in this tab, measured live from their Y.Docs; they win over
 * the server's count (taken when a document settles) while a section is being written.
 */
const counts = new Map<string, number>();
const listeners = new Set<() => void>();

export function reportWordCount(sectionId: string, count: number): void {
  if (counts.get(sectionId) === count) return;
  counts.set(sectionId, count);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One section's live count (re-renders only when that count changes), or undefined if not open here. */
export function useWordCount(sectionId: string): number | undefined {
  return useSyncExternalStore(subscribe, () => counts.get(sectionId));
}
