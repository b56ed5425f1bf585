import { useSectionNumbers } from '../content/useSectionNumbers.ts';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView, MemberView, SectionView } from '@dalil/shared';
import { updateSection } from '../api/sections.ts';
import type { Participant } from '../collaboration/presence.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { AssignDialog } from './AssignDialog.tsx';
import { TitleForm } from './TitleForm.tsx';
import { TocItem, type TocItemContext } from './TocItem.tsx';
import { TrashPanel } from './TrashPanel.tsx';
import { buildTocTree } from './tocTree.ts';
import { useTocActions } from './useTocActions.ts';
import { useTocDrag } from './useTocDrag.ts';

interface TocPanelProps {
  guide: GuideView;
  activeSectionId: string | null;
  participants: Participant[];
  refresh: () => Promise<void>;
  /** Whether our role may change the structure; without it the contents are navigation only. */
  canManage: boolean;
  /** Whether our role may choose sections' authors and reviewers. */
  canAssign: boolean;
  /** Whether our role may import a Word file into a section (edit its text). */
  canImport: boolean;
  /** The guide's members, or null while loading or when our role may not list them. */
  members: MemberView[] | null;
  /** Open comment threads per section id. */
  openThreads: ReadonlyMap<string, number>;
  /** Open suggestions per section id. */
  openSuggestions?: ReadonlyMap<string, number>;
}

/** The guide's table of contents: navigation, structure editing, presence per section. */
export function TocPanel({ guide, activeSectionId, participants, refresh, canManage, canAssign, canImport, members, openThreads, openSuggestions }: TocPanelProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const hintId = useId();
  const [adding, setAdding] = useState(false);
  const [assigning, setAssigning] = useState<SectionView | null>(null);
  const [importingInto, setImportingInto] = useState<SectionView | null>(null);
  const memberMap = useMemo(() => new Map((members ?? []).map((m) => [m.userId, m])), [members]);
  const tree = useMemo(() => buildTocTree(guide.sections), [guide.sections]);
  const numbers = useSectionNumbers(guide);
  const actions = useTocActions(guide.id, refresh);
  const drag = useTocDrag(tree, actions);

  // after a structure action, keep keyboard focus on the entry that moved / was added
  useEffect(() => {
    const id = actions.focusRequest.current;
    if (!id) return;
    const link = document.querySelector<HTMLElement>(`[data-toc-link="${CSS.escape(id)}"]`);
    if (link) {
      actions.focusRequest.current = null;
      link.focus();
    }
  }, [guide.sections, actions.focusRequest]);

  const ctx: TocItemContext = {
    guideId: guide.id,
    numbers,
    tree,
    activeSectionId,
    hintId,
    participants,
    openThreads: (section) => openThreads.get(section.id) ?? 0,
    openSuggestions: (section) => openSuggestions?.get(section.id) ?? 0,
    actions,
    drag,
    canManage,
    canAssign,
    members: memberMap,
    onAssign: setAssigning,
    canImport,
    onImport: setImportingInto,
    onBlocked: (title) => announce(t('toc.announceCannotMove', { title })),
  };

  return (
    <nav className="toc" aria-label={t('guide.tocLabel')}>
      <div className="toc__header">
        <h2 className="toc__title">{t('guide.tocLabel')}</h2>
        {canManage && (
          <button type="button" className="button button--small" onClick={() => setAdding(true)} aria-expanded={adding}>
            <span aria-hidden="true">+ </span>
            {t('toc.addChapter')}
          </button>
        )}
      </div>
      {canManage && (
        <p id={hintId} className="toc__hint">
          {t('toc.moveHint')}
        </p>
      )}
      {actions.error && (
        <p className="form-error" role="alert">
          {actions.error}
        </p>
      )}
      {guide.sections.length === 0 && !adding && <p className="muted toc__empty">{t('guide.emptyGuide')}</p>}
      <ol className="toc-list toc-list--root" data-testid="toc">
        {tree.roots.map((node) => (
          <TocItem key={node.section.id} node={node} ctx={ctx} />
        ))}
      </ol>
      {adding && (
        <div className="toc__add">
          <TitleForm
            label={t('toc.newTitleLabel')}
            submitLabel={t('toc.add')}
            onCancel={() => setAdding(false)}
            onSubmit={(title) => {
              setAdding(false);
              void actions.add(null, title);
            }}
          />
        </div>
      )}
      {importingInto && (
        <ImportDialog
          target={{ kind: 'section', guideId: guide.id, sectionId: importingInto.id, sectionTitle: importingInto.title, canSplit: canManage }}
          onClose={() => setImportingInto(null)}
          onImported={() => {
            announce(t('import.doneSection', { title: importingInto.title }));
            setImportingInto(null);
            void refresh();
          }}
        />
      )}
      {assigning && (
        <AssignDialog
          section={assigning}
          members={members}
          onClose={() => setAssigning(null)}
          onSave={async (authorIds, reviewerIds, dueDate) => {
            await updateSection(guide.id, assigning.id, { authorIds, reviewerIds, dueDate });
            await refresh();
            announce(t('assign.saved', { title: assigning.title }));
            setAssigning(null);
          }}
        />
      )}
      {canManage && <TrashPanel guideId={guide.id} structureVersion={guide.structureVersion} onRestore={actions.restore} />}
    </nav>
  );
}
