/**
 * Milestones of a page load as User Timing marks (`dalil:<name>`), once each: what the deep-link
 * benchmark reads to say where a load's time went (code run, guide drawn, local copy in the
 * document, editor made) and what a browser's performance panel shows. A mark costs microseconds.
 */
export type LoadMilestone = 'app-render' | 'guide-drawn-kept' | 'guide-fresh' | 'local-copy-ready' | 'editor-created';

const reached = new Set<LoadMilestone>();

export function markLoad(milestone: LoadMilestone): void {
  if (reached.has(milestone) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  reached.add(milestone);
  performance.mark(`dalil:${milestone}`);
}
