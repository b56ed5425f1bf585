import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/core';
import { type GuideView, type PersonRef, type SectionView, type ThreadView } from '@dalil/shared';
import { createThread } from '../api/threads.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { anchorFromSelection, type SelectionAnchor } from './anchorFromSelection.ts';
import { CommentHighlights } from './CommentHighlights.tsx';
import { CommentsSheet } from './CommentsSheet.tsx';
import { useNarrowCommentsLayout } from './commentsLayout.ts';
import { NewThreadForm } from './NewThreadForm.tsx';
import { PhoneCommentsBar } from './PhoneCommentsBar.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import { ThreadFilters } from './ThreadFilters.tsx';
import type { ThreadFilter } from './threadFilter.ts';
import { useCardAlignment } from './useCardAlignment.ts';
import { useEditorThreadEvents } from './useEditorThreadEvents.ts';
import { useHasSelection } from './useHasSelection.ts';
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
  /** Where the narrow layout puts its comments button (beside the section's status line). */
  barSlot: HTMLElement | null;
}

/** What the narrow layout's sheet shows: every thread (with the filters), or one thread. */
type SheetView = 'list' | 'thread';

interface ScrollRequest {
  threadId: string;
  block: ScrollLogicalPosition;
}

/**
 * The comments of the open section: beside the text on a wide screen; on a narrow one, a button by
 * the status line and a sheet over the bottom of the text, opened on the thread whose words were tapped.
 */
export function CommentsPanel({ guide, section, editor, synced, threads, people, userId, apply, barSlot }: CommentsPanelProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  // what the server allows now (an archived guide takes comments from every role)
  const canComment = guide.permissions.includes('section.comment');
  const narrow = useNarrowCommentsLayout();
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const linkedThread = useLinkedThreadId();
  const [activeId, setActiveId] = useState<string | null>(linkedThread);
  const [pending, setPending] = useState<SelectionAnchor | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [sheet, setSheet] = useState<SheetView | null>(null);
  const [scrollRequest, setScrollRequest] = useState<ScrollRequest | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const barButton = useRef<HTMLButtonElement>(null);
  const ranges = useThreadRanges(editor);
  const list = useRef<HTMLDivElement>(null);
  const actions = useThreadActions(guide.id, apply);
  const hasSelection = useHasSelection(editor);

  const all = threads ?? [];
  const { counts, visible, anchored, detached, isDetached } = useVisibleThreads(all, filter, userId, activeId, ranges, synced && editor !== null);

  const anchorElement = useCallback(
    (threadId: string) => (editor && !editor.isDestroyed ? editor.view.dom.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(threadId)}"]`) : null),
    [editor],
  );
  useCardAlignment(list, anchorElement, !narrow, [ranges, threads, pending, activeId, filter]);

  // After the sheet has its new size (the text's scroll area keeps room for it): bring the words in
  // view, once. A link to a thread can load before the text: then wait until its words are there.
  useEffect(() => {
    if (!scrollRequest || !anchorElement(scrollRequest.threadId)) return undefined;
    const behavior = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
    const frame = requestAnimationFrame(() => {
      anchorElement(scrollRequest.threadId)?.scrollIntoView({ block: scrollRequest.block, behavior });
      setScrollRequest(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [scrollRequest, anchorElement, ranges]);

  const openSheet = useCallback(
    (view: SheetView) => {
      // the first opening remembers where focus was, to give it back on closing
      if (sheet === null) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setSheet(view);
    },
    [sheet],
  );

  const showThread = useCallback(
    (threadId: string, block: ScrollLogicalPosition) => {
      setActiveId(threadId);
      if (narrow) {
        openSheet('thread');
        setScrollRequest({ threadId, block });
      } else {
        list.current?.querySelector(`[data-thread-card="${CSS.escape(threadId)}"]`)?.scrollIntoView({ block: 'nearest' });
      }
    },
    [narrow, openSheet],
  );

  useOpenLinkedThread(linkedThread, threads, (id) => showThread(id, 'center'));

  const startThread = useCallback(() => {
    if (!editor || !canComment) return;
    const anchor = anchorFromSelection(editor);
    if (narrow) openSheet('list');
    if (!anchor) {
      setHint(t('comments.selectFirst'));
      return;
    }
    setHint(null);
    setPending(anchor);
    setFilter('open');
  }, [editor, canComment, t, narrow, openSheet]);

  useEditorThreadEvents(editor, {
    threads: all,
    onStartThread: startThread,
    // the tapped words are in view: only scroll if the sheet now covers them
    onOpenThread: (id) => showThread(id, 'nearest'),
  });

  function jumpToText(thread: ThreadView): void {
    setActiveId(thread.id);
    const range = ranges.get(thread.id);
    if (narrow) {
      // the stronger highlight shows the words; a selection would offer to comment them again
      setSheet('thread');
      if (range) setScrollRequest({ threadId: thread.id, block: 'center' });
      return;
    }
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
    if (narrow) {
      setSheet('thread');
      // the words are commented now: no more "Commenter" offered for them
      if (editor && !editor.isDestroyed) editor.commands.setTextSelection(pending.to);
    }
    announce(t('comments.created'));
  }

  function closeSheet(): void {
    setSheet(null);
    setHint(null);
    setScrollRequest(null);
  }

  function returnFocus(): void {
    const element = opener.current;
    opener.current = null;
    if (editor && !editor.isDestroyed && element && editor.view.dom.contains(element)) {
      // through the editor, so its caret or selection stays where it was
      editor.commands.focus();
    } else if (element?.isConnected && element !== document.body) {
      element.focus();
    } else {
      barButton.current?.focus();
    }
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

  const addButton = canComment && (
    <button type="button" className="button button--small button--primary" onMouseDown={(e) => e.preventDefault()} onClick={startThread} aria-keyshortcuts="Control+Alt+M">
      {t('comments.add')}
    </button>
  );

  const threadList = (
    <>
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
    </>
  );

  if (!narrow) {
    return (
      <aside className="comments" aria-labelledby="comments-title">
        <CommentHighlights threads={all} activeId={activeId} />
        <div className="comments__header">
          <h2 id="comments-title" className="comments__title">
            {t('comments.title')}
          </h2>
          {addButton}
        </div>
        {threadList}
      </aside>
    );
  }

  const shownThread = sheet === 'thread' ? all.find((th) => th.id === activeId) : undefined;
  const sheetView = sheet === 'thread' && !shownThread ? 'list' : sheet;
  return (
    <>
      <CommentHighlights threads={all} activeId={activeId} />
      {barSlot &&
        createPortal(
          <PhoneCommentsBar
            openCount={counts.open}
            listOpen={sheetView === 'list'}
            canCommentSelection={canComment && hasSelection && !pending}
            onOpenList={() => (sheetView === 'list' ? closeSheet() : openSheet('list'))}
            onComment={startThread}
            buttonRef={barButton}
          />,
          barSlot,
        )}
      {sheetView && (
        <CommentsSheet
          title={shownThread ? t('phoneComments.threadTitle') : t('phoneComments.listTitle', { count: counts.open })}
          view={shownThread ? shownThread.id : 'list'}
          tools={
            shownThread ? (
              <button type="button" className="button button--small button--quiet" onClick={() => setSheet('list')}>
                {t('phoneComments.allThreads', { count: all.length })}
              </button>
            ) : (
              addButton
            )
          }
          onClose={closeSheet}
          returnFocus={returnFocus}
        >
          {shownThread ? <div className="comments__list">{card(shownThread)}</div> : threadList}
        </CommentsSheet>
      )}
    </>
  );
}
