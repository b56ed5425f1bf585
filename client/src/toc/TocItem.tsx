import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberView, SectionView } from '@dalil/shared';
import type { Participant } from '../collaboration/presence.ts';
import { useWordCount } from '../editor/wordCountStore.ts';
import { CommentIcon } from '../components/CommentIcon.tsx';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { Assignees } from './Assignees.tsx';
import { SectionActions, type SectionAction } from './SectionActions.tsx';
import { TitleForm } from './TitleForm.tsx';
import { keyboardMove, type DropZone, type KeyboardMove } from './tocMoves.ts';
import type { TocNode, TocTree } from './tocTree.ts';
import type { TocActions } from './useTocActions.ts';
import type { TocDrag } from './useTocDrag.ts';

export interface TocItemContext {
  guideId: string;
  tree: TocTree;
  /** Chapter/section numbers from the structure (absent: unnumbered or numbering off). */
  numbers: ReadonlyMap<string, string>;
  activeSectionId: string | null;
  hintId: string;
  participants: Participant[];
  openThreads: (section: SectionView) => number;
  openSuggestions: (section: SectionView) => number;
  actions: TocActions;
  drag: TocDrag;
  /** Structure editing (menu, drag and drop, Alt+arrows) is offered only when allowed. */
  canManage: boolean;
  /** Choosing a section's authors and reviewers (the menu's "Assign…"). */
  canAssign: boolean;
  /** Members by id, to show assignees' initials (empty when our role may not list members). */
  members: ReadonlyMap<string, MemberView>;
  onAssign: (section: SectionView) => void;
  /** Importing a Word file into a section (authors and coordinators, section not validated). */
  canImport: boolean;
  onImport: (section: SectionView) => void;
  /** Tells the user a keyboard move had nowhere to go. */
  onBlocked: (title: string) => void;
}

/** One table-of-contents entry and, nested inside it, its sub-sections. */
export function TocItem({ node, ctx }: { node: TocNode; ctx: TocItemContext }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<'rename' | 'addChild' | null>(null);
  const { section } = node;
  const { tree, actions, drag } = ctx;
  const here = ctx.participants.filter((p) => !p.isSelf && p.sectionId === section.id);
  const words = useWordCount(section.id) ?? section.wordCount;
  const threads = ctx.openThreads(section);
  const suggestionCount = ctx.openSuggestions(section);
  const dropZone = drag.target?.id === section.id ? drag.target.zone : null;

  const available = new Set<SectionAction>(ctx.canManage ? ['rename', 'addChild', 'delete'] : []);
  if (ctx.canAssign) available.add('assign');
  if (ctx.canImport && section.status !== 'validated') available.add('import');
  if (ctx.canManage) {
    for (const move of ['up', 'down', 'indent', 'outdent'] as const) {
      if (keyboardMove(tree, node, move)) available.add(move);
    }
  }

  function runMove(move: KeyboardMove): void {
    const target = keyboardMove(tree, node, move);
    if (target) void actions.move(tree, node, target);
    else ctx.onBlocked(section.title);
  }

  function onAction(action: SectionAction): void {
    if (action === 'rename' || action === 'addChild') setEditing(action);
    else if (action === 'delete') void actions.trash(node);
    else if (action === 'assign') ctx.onAssign(section);
    else if (action === 'import') ctx.onImport(section);
    else runMove(action);
  }

  function onKeyDown(event: KeyboardEvent<HTMLAnchorElement>): void {
    if (!ctx.canManage || !event.altKey || event.ctrlKey || event.metaKey) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const keys: Record<string, KeyboardMove> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      [rtl ? 'ArrowLeft' : 'ArrowRight']: 'indent',
      [rtl ? 'ArrowRight' : 'ArrowLeft']: 'outdent',
    };
    const move = keys[event.key];
    if (!move) return;
    event.preventDefault();
    runMove(move);
  }

  const active = ctx.activeSectionId === section.id;
  return (
    <li className="toc-item" data-section-id={section.id}>
      <div
        className={`toc-row${active ? ' toc-row--active' : ''}${dragClass(dropZone)}${drag.draggingId === section.id ? ' toc-row--dragging' : ''}`}
        style={{ ['--level' as string]: node.level }}
        onDragOver={(event: DragEvent<HTMLDivElement>) => drag.over(event, node)}
        onDragLeave={() => drag.leave(node)}
        onDrop={(event: DragEvent<HTMLDivElement>) => drag.drop(event, node)}
      >
        <span
          className="toc-row__handle"
          hidden={!ctx.canManage}
          draggable={ctx.canManage}
          aria-hidden="true"
          title={t('toc.dragHandle', { title: section.title })}
          onDragStart={(event) => drag.start(event, node)}
          onDragEnd={drag.end}
        >
          ⠿
        </span>
        {editing === 'rename' ? (
          <TitleForm
            label={t('toc.renameLabel')}
            initial={section.title}
            submitLabel={t('toc.save')}
            onCancel={() => setEditing(null)}
            onSubmit={(title) => {
              setEditing(null);
              void actions.rename(node, title);
            }}
          />
        ) : (
          <div className="toc-row__main">
            <Link
              to={paths.section(ctx.guideId, section.id)}
              className="toc-row__link"
              data-toc-link={section.id}
              // drawn by CSS before the title, so the link's text stays the title itself
              data-number={ctx.numbers.get(section.id)}
              aria-current={active ? 'page' : undefined}
              aria-describedby={ctx.canManage ? ctx.hintId : undefined}
              onKeyDown={onKeyDown}
              draggable={false}
              dir="auto"
            >
              {section.title}
            </Link>
            <span className="toc-row__meta">
              <span className={`badge badge--${section.status}`}>{t(`toc.status.${section.status}`)}</span>
              <span className="toc-row__words">{t('toc.words', { count: words })}</span>
              {threads > 0 && (
                <span className="toc-row__threads" data-testid="toc-open-threads" title={t('comments.openThreads', { count: threads })}>
                  <span aria-hidden="true">
                    <CommentIcon /> {threads}
                  </span>
                  <span className="visually-hidden">{t('comments.openThreads', { count: threads })}</span>
                </span>
              )}
              {suggestionCount > 0 && (
                <span className="toc-row__suggestions" data-testid="toc-open-suggestions" title={t('suggestions.count', { count: suggestionCount })}>
                  <span aria-hidden="true">✎ {suggestionCount}</span>
                  <span className="visually-hidden">{t('suggestions.count', { count: suggestionCount })}</span>
                </span>
              )}
              <Assignees section={section} members={ctx.members} here={here} />
            </span>
          </div>
        )}
        {available.size > 0 && <SectionActions title={section.title} available={available} onAction={onAction} />}
      </div>
      {(node.children.length > 0 || editing === 'addChild') && (
        <ol className="toc-list">
          {node.children.map((child) => (
            <TocItem key={child.section.id} node={child} ctx={ctx} />
          ))}
          {editing === 'addChild' && (
            <li className="toc-item toc-item--form" style={{ ['--level' as string]: node.level + 1 }}>
              <TitleForm
                label={t('toc.newTitleLabel')}
                submitLabel={t('toc.add')}
                onCancel={() => setEditing(null)}
                onSubmit={(title) => {
                  setEditing(null);
                  void actions.add(section.id, title);
                }}
              />
            </li>
          )}
        </ol>
      )}
    </li>
  );
}

function dragClass(zone: DropZone | null): string {
  return zone ? ` toc-row--drop-${zone}` : '';
}
