import type { ThreadView } from '@dalil/shared';

/**
 * Highlights the text of open threads (the active one more strongly); resolved threads leave the
 * text plain. The marks are in the
 * document for every thread; whether one shows depends on its status, which lives outside it,
 * hence a generated style rather than a class on the mark.
 */
export function CommentHighlights({ threads, activeId }: { threads: ThreadView[]; activeId: string | null }) {
  const selector = (id: string) => `.prose [data-thread-id="${CSS.escape(id)}"]`;
  const open = threads.filter((t) => t.status === 'open').map((t) => selector(t.id));
  const rules: string[] = [];
  if (open.length > 0) rules.push(`${open.join(',')}{background-color:var(--comment-highlight);border-block-end:2px solid var(--comment-underline);cursor:pointer}`);
  if (activeId && threads.some((t) => t.id === activeId && t.status === 'open')) rules.push(`${selector(activeId)}{background-color:var(--comment-highlight-active);border-block-end-color:var(--comment-underline-active)}`);
  return <style data-testid="comment-highlights">{rules.join('\n')}</style>;
}
