import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { can, type GuideView, type PersonRef, type SectionView, type ThreadView } from '@dalil/shared';
import { createThread, deleteMessage, editMessage, replyToThread, setThreadStatus } from '../api/threads.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { useLocationSearch } from '../routing/history.ts';
import { anchorFromSelection, type SelectionAnchor } from './anchorFromSelection.ts';
import { CommentHighlights } from './CommentHighlights.tsx';
import { NewThreadForm } from './NewThreadForm.tsx';
import { ThreadCard, type ThreadActions } from './ThreadCard.tsx';
import { matchesFilter, THREAD_FILTERS, type ThreadFilter } from './threadFilter.ts';
import { useCardAlignment } from './useCardAlignment.ts';
import { useThreadRanges } from './useThreadRanges.ts';
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
  const canComment = can(guide.role, 'section.comment');
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const search = useLocationSearch();
  const linkedThread = new URLSearchParams(search).get('thread');
  const [activeId, setActiveId] = useState<string | null>(linkedThread);
  const [pending, setPending] = useState<SelectionAnchor | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const ranges = useThreadRanges(editor);
  const list = useRef<HTMLDivElement>(null);

  const all = threads ?? [];
  const isDetached = useCallback((thread: ThreadView) => thread.detached || (synced && editor !== null && !ranges.has(thread.id)), [synced, editor, ranges]);
  const counts = useMemo(
    () => Object.fromEntries(THREAD_FILTERS.map((f) => [f, all.filter((th) => matchesFilter(th, f, userId)).length])) as Record<ThreadFilter, number>,
    [all, userId],
  );
  const visible = all.filter((th) => matchesFilter(th, filter, userId) || th.id === activeId);
  const anchored = visible.filter((th) => !isDetached(th)).sort((a, b) => (ranges.get(a.id)?.from ?? 0) - (ranges.get(b.id)?.from ?? 0));
  const detached = visible.filter(isDetached);

  const anchorElement = useCallback(
    (threadId: string) => (editor && !editor.isDestroyed ? editor.view.dom.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"]`) : null),
    [editor],
  );
  useCardAlignment(list, anchorElement, [ranges, threads, pending, activeId, filter]);

  // A link to a thread (a mention notification): open it and bring its card into view once it is here.
  const linkedLoaded = linkedThread !== null && (threads ?? []).some((th) => th.id === linkedThread);
  useEffect(() => {
    if (!linkedThread || !linkedLoaded) return;
    setActiveId(linkedThread);
    requestAnimationFrame(() => document.querySelector(`[data-thread-card="${CSS.escape(linkedThread)}"]`)?.scrollIntoView({ block: 'center' }));
  }, [linkedThread, linkedLoaded]);

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

  // Clicking highlighted text opens its thread; Ctrl+Alt+M comments the selection. The listeners are
  // bound once per editor and read the current threads and action through refs.
  const current = useRef({ all, startThread });
  current.current = { all, startThread };
  useEffect(() => {
    if (!editor) return undefined;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-thread-id]');
      const id = target?.dataset.threadId;
      if (id && current.current.all.some((th) => th.id === id && th.status === 'open')) {
        setActiveId(id);
        list.current?.querySelector(`[data-thread-card="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'nearest' });
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.key.toLowerCase() === 'm') {
        event.preventDefault();
        current.current.startThread();
      }
    };
    dom.addEventListener('click', onClick);
    dom.addEventListener('keydown', onKeyDown);
    return () => {
      dom.removeEventListener('click', onClick);
      dom.removeEventListener('keydown', onKeyDown);
    };
  }, [editor]);

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

  const actions: ThreadActions = {
    reply: async (thread, message) => apply(thread.id, await replyToThread(guide.id, thread.id, message)),
    edit: async (thread, messageId, message) => apply(thread.id, await editMessage(guide.id, thread.id, messageId, message)),
    remove: async (thread, messageId) => apply(thread.id, await deleteMessage(guide.id, thread.id, messageId)),
    setStatus: async (thread, status) => {
      apply(thread.id, await setThreadStatus(guide.id, thread.id, status));
      announce(status === 'resolved' ? t('comments.resolvedAnnounce') : t('comments.reopenedAnnounce'));
    },
  };

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
      <div className="comments__filters" role="group" aria-label={t('comments.filterLabel')}>
        {THREAD_FILTERS.map((f) => (
          <button key={f} type="button" className="comments__filter" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`comments.filter.${f}`, { count: counts[f] })}
          </button>
        ))}
      </div>
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
