/**
 * Milestones of a page load as User Timing marks (`dalil:<name>`), once each: what the deep-link
 * benchmark reads to say where a load's time went and what a browser's performance panel shows.
 * A mark costs microseconds.
 * - `app-render-start`: the code has run and the UI catalogue is there; React starts rendering.
 * - `guide-drawn-kept` / `guide-fresh`: the guide page committed the kept copy / this visit's reply.
 * - `section-text-ready`: the open section's document holds what this browser has (its IndexedDB
 *   copy, the state preloaded with the page) or the 2 s bound passed; the editor is made next.
 * - `editor-created`: the section's editor is mounted.
 * What must wait for one listens with `onLoadMilestone`.
 */
export type LoadMilestone = 'app-render-start' | 'guide-drawn-kept' | 'guide-fresh' | 'section-text-ready' | 'editor-created';

const reached = new Set<LoadMilestone>();

const listeners = new Set<(milestone: LoadMilestone) => void>();

export function markLoad(milestone: LoadMilestone): void {
  if (reached.has(milestone)) return;
  reached.add(milestone);
  // what waits for a milestone (onLoadMilestone) hears it even where marks cannot be recorded
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(`dalil:${milestone}`);
  for (const listener of [...listeners]) listener(milestone);
}

/** Calls `listener` with each milestone reached from now on; returns what stops it. */
export function onLoadMilestone(listener: (milestone: LoadMilestone) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
