import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { type GuideView, type PersonRef, type SectionView, type ThreadView } from '@dalil/shared';
import { createThread } from '../api/threads.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { anchorFromSelection, type SelectionAnchor } from './anchorFromSelection.ts';
import { CommentHighlights } from './CommentHighlights.tsx';
import { NewThreadForm } from './NewThreadForm.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { ThreadFilters } from './ThreadFilters.tsx';
import type { ThreadFilter } from './threadFilter.ts';
import { useCardAlignment } from './useCardAlignment.ts';
import { useEditorThreadEvents } from './useEditorThreadEvents.ts';
import { useLinkedThreadId, useOpenLinkedThread } from './useLinkedThread.ts';
import { useThreadActions } from './useThreadActions.ts';
import { useThreadRanges } from './useThreadRanges.ts';
import { useVisibleThreads } from './useVisibleThreads.ts';
import './comments.css';

interface CommentsPanelProps {
  guide: GuideView;
  section: SectionView;
  editor: Editor | null;
  /** The section's text has been synced once: before that, missing anchors do not mean detached. */
  synced: boolean;
  /** This section's threads; null while loading. */
  threads: ThreadView[] | null;
  people: PersonRef[];
  userId: string;
  apply: (threadId: string, thread: ThreadView | null) => void;
}

/** The comments of the open section, beside the text (below it on narrow screens). */
export function CommentsPanel({ guide, section, editor, synced, threads, people, userId, apply }: CommentsPanelProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  // what the server allows now (an archived guide takes comments from every role)
  const canComment = guide.permissions.includes('section.comment');
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const linkedThread = useLinkedThreadId();
  const [activeId, setActiveId] = useState<string | null>(linkedThread);
  const [pending, setPending] = useState<SelectionAnchor | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const ranges = useThreadRanges(editor);
  const list = useRef<HTMLDivElement>(null);
  const actions = useThreadActions(guide.id, apply);

  const all = threads ?? [];
  const { counts, visible, anchored, detached, isDetached } = useVisibleThreads(all, filter, userId, activeId, ranges, synced && editor !== null);

  const anchorElement = useCallback(
    (threadId: string) => (editor && !editor.isDestroyed ? editor.view.dom.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"]`) : null),
    [editor],
  );
  useCardAlignment(list, anchorElement, [ranges, threads, pending, activeId, filter]);
  useOpenLinkedThread(linkedThread, threads, setActiveId);

  const startThread = useCallback(() => {
    if (!editor || !canComment) return;
    const anchor = anchorFromSelection(editor);
    if (!anchor) {
      setHint(t('comments.selectFirst'));
      return;
    }
    setHint(null);
    setPending(anchor);
    setFilter('open');
  }, [editor, canComment, t]);

  useEditorThreadEvents(editor, {
    threads: all,
    onStartThread: startThread,
    onOpenThread: (id) => {
      setActiveId(id);
      list.current?.querySelector(`[data-thread-card="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
    },
  });

  function jumpToText(thread: ThreadView): void {
    setActiveId(thread.id);
    const range = ranges.get(thread.id);
    if (!editor || !range) return;
    editor.commands.setTextSelection(range);
    anchorElement(thread.id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  async function submitNew(message: { body: string; mentions: string[] }): Promise<void> {
    if (!pending) return;
    const thread = await createThread(guide.id, section.id, { anchor: pending.anchor, ...message });
    apply(thread.id, thread);
    setPending(null);
    setActiveId(thread.id);
    announce(t('comments.created'));
  }

  const card = (thread: ThreadView) => (
    <ThreadCard
      key={thread.id}
      thread={thread}
      active={thread.id === activeId}
      detached={isDetached(thread)}
      role={guide.role}
      userId={userId}
      canComment={canComment}
      people={people}
      actions={actions}
      onActivate={() => jumpToText(thread)}
    />
  );

  return (
    <aside className="comments" aria-labelledby="comments-title">
      <CommentHighlights threads={all} activeId={activeId} />
      <div className="comments__header">
        <h2 id="comments-title" className="comments__title">
          {t('comments.title')}
        </h2>
        {canComment && (
          <button type="button" className="button button--small button--primary" onMouseDown={(e) => e.preventDefault()} onClick={startThread} aria-keyshortcuts="Control+Alt+M">
            {t('comments.add')}
          </button>
        )}
      </div>
      <ThreadFilters filter={filter} counts={counts} onChange={setFilter} />
      {hint && (
        <p className="comments__hint" role="status">
          {hint}
        </p>
      )}
      {pending && <NewThreadForm quote={pending.quote} people={people} onSubmit={submitNew} onCancel={() => setPending(null)} />}
      {threads === null ? (
        <p className="muted">{t('comments.loading')}</p>
      ) : visible.length === 0 && !pending ? (
        <p className="comments__empty muted">{t(`comments.empty.${filter}`)}</p>
      ) : null}
      <div className="comments__list" ref={list}>
        {anchored.map(card)}
      </div>
      {detached.length > 0 && (
        <section className="comments__detached" aria-label={t('comments.detachedGroup')}>
          <h3 className="comments__subtitle">{t('comments.detachedGroup')}</h3>
          {detached.map(card)}
        </section>
      )}
    </aside>
  );
}
