import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import { isContentLocked, type GuideView, type PersonRef, type SectionView, type ThreadView } from '@dalil/shared';
import { CommentsPanel } from '../../comments/CommentsPanel.tsx';
import type { AccessSignal } from '../../collaboration/accessSignals.ts';
import { useSectionSession } from '../../collaboration/useSectionSession.ts';
import type { Participant } from '../../collaboration/presence.ts';
import { SectionEditor } from '../../editor/SectionEditor.tsx';
import { useNumberingOffset } from '../../content/useNumberingOffset.ts';
import { useSectionNumbers } from '../../content/useSectionNumbers.ts';
import type { CurrentUser } from '../../identity/currentUser.ts';
import { markInteractive } from '../../offline/registerServiceWorker.ts';
import { SectionStatusLine } from './SectionStatusLine.tsx';
import { useSectionWorkflow } from './workflow/useSectionWorkflow.ts';
import { WorkflowPanel } from './workflow/WorkflowPanel.tsx';
import { useSectionSuggestions } from '../../suggestions/useSectionSuggestions.ts';
import { SuggestionsPanel } from '../../suggestions/SuggestionsPanel.tsx';
import { preloadedSectionState } from '../../api/sections.ts';

interface SectionPaneProps {
  guide: GuideView;
  section: SectionView;
  user: CurrentUser;
  participants: Participant[];
  canEdit: boolean;
  /** The guide is the server's reply of this visit (not the kept copy): rights and status are current. */
  fresh: boolean;
  onAccessSignal: (signal: AccessSignal) => void;
  /** This section's comment threads (null while loading) and how to update them. */
  threads: ThreadView[] | null;
  applyThread: (threadId: string, thread: ThreadView | null) => void;
  /** Members who can be mentioned in comments. */
  people: PersonRef[];
  /** Reloads the guide (after a transition). */
  refresh: () => Promise<void>;
  /** Latest suggestions change the guide room announced. */
  suggestionsVersion: number | null;
}

/** The open section: its title, who else is here, its workflow, the editor with its comments, and the status line (with the comments button on a narrow screen). */
export function SectionPane({ guide, section, user, participants, canEdit, fresh, onAccessSignal, threads, applyThread, people, refresh, suggestionsVersion }: SectionPaneProps) {
  const { t } = useTranslation();
  // a section in review or validated is read-only for everyone (the server drops edits to it anyway)
  const locked = isContentLocked(section.status);
  // Clearing the local copy of a locked section cannot be undone: only on the server's word of this
  // visit, never on a kept copy (the section may have been reopened since, offline edits waiting in it).
  const { session, synced } = useSectionSession(section.docName, !canEdit || locked, onAccessSignal, locked && fresh, () => preloadedSectionState(guide.id, section.id));
  const workflow = useSectionWorkflow(guide.id, section.id, guide.structureVersion);
  const [editor, setEditor] = useState<Editor | null>(null);
  // on a narrow screen the comments put their button beside the status line
  const [commentsBar, setCommentsBar] = useState<HTMLDivElement | null>(null);
  const numbers = useSectionNumbers(guide);
  const numberingOffset = useNumberingOffset(guide, section.id);
  const parent = section.parentId ? guide.sections.find((s) => s.id === section.parentId) : undefined;
  const others = participants.filter((p) => !p.isSelf && p.sectionId === section.id);
  const suggestions = useSectionSuggestions(guide.id, section.id, suggestionsVersion);
  const canSuggest = fresh && guide.permissions.includes('suggestion.create') && !locked;
  const canDecide = fresh && guide.permissions.includes('suggestion.decide');
  // the section shows its text: the service worker may now download the app shell in the background
  useEffect(() => {
    if (synced) markInteractive();
  }, [synced]);

  return (
    <article className="section-pane" aria-labelledby="section-title">
      <header className="section-pane__header">
        {parent && (
          <p className="section-pane__parent" dir="auto" lang={guide.language}>
            {parent.title}
          </p>
        )}
        <h1 id="section-title" className="section-pane__title" dir="auto" lang={guide.language} data-number={numbers.get(section.id)}>
          {section.title}
        </h1>
        {others.length > 0 && (
          <p className="section-pane__others">
            {t('guide.inThisSection', { names: others.map((p) => p.user.name).join(', ') })}
          </p>
        )}
      </header>
      <WorkflowPanel
        guide={guide}
        section={section}
        view={workflow.view}
        threads={threads}
        onChanged={async () => {
          await Promise.all([refresh(), workflow.reload()]);
        }}
      />
      <div className="section-pane__body">
        {session ? (
          <SectionEditor
            session={session}
            guideId={guide.id}
            numberingOffset={numberingOffset}
            sectionId={section.id}
            title={section.title}
            user={user}
            language={guide.language}
            synced={synced}
            editable={canEdit && !locked && fresh}
            readOnlyNote={guide.state === 'archived' ? t('guideSettings.archivedReadOnly') : !locked ? undefined : section.status === 'review' ? t('reviewRound.reviewShort') : t('workflow.validatedShort')}
            onEditor={setEditor}
            suggestions={{ open: suggestions.open, canSuggest, forced: !canEdit, onSent: suggestions.apply }}
          />
        ) : (
          <p className="muted">{t('editor.loading')}</p>
        )}
        <div className="section-pane__side">
          <SuggestionsPanel
            guideId={guide.id}
            sectionId={section.id}
            language={guide.language}
            open={suggestions.open}
            decided={suggestions.decided}
            userId={user.id}
            canDecide={canDecide && !locked}
            canComment={guide.permissions.includes('section.comment')}
            people={people}
            onDecided={(decided) => decided.forEach(suggestions.apply)}
          />
          <CommentsPanel guide={guide} section={section} editor={editor} synced={synced} threads={threads} people={people} userId={user.id} apply={applyThread} barSlot={commentsBar} />
        </div>
      </div>
      <div className="section-pane__footer">
        <SectionStatusLine session={session} sectionId={section.id} storedWords={section.wordCount} />
        <div className="section-pane__footer-tools" ref={setCommentsBar} />
      </div>
    </article>
  );
}
