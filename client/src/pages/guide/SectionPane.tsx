import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView, SectionView } from '@dalil/shared';
import type { AccessSignal } from '../../collaboration/accessSignals.ts';
import { useSectionSession } from '../../collaboration/useSectionSession.ts';
import type { Participant } from '../../collaboration/presence.ts';
import { StatusLine } from '../../components/StatusLine.tsx';
import { SectionEditor } from '../../editor/SectionEditor.tsx';
import { getWordCount, useWordCountsVersion } from '../../editor/wordCountStore.ts';
import type { CurrentUser } from '../../identity/currentUser.ts';

interface SectionPaneProps {
  guide: GuideView;
  section: SectionView;
  user: CurrentUser;
  participants: Participant[];
  canEdit: boolean;
  onAccessSignal: (signal: AccessSignal) => void;
}

/** The open section: its title, who else is here, the editor and the status line. */
export function SectionPane({ guide, section, user, participants, canEdit, onAccessSignal }: SectionPaneProps) {
  const { t } = useTranslation();
  const { session, status } = useSectionSession(section.docName, !canEdit, onAccessSignal);
  const [synced, setSynced] = useState(false);
  useEffect(() => {
    if (status.connection === 'connected') setSynced(true);
  }, [status.connection]);
  useWordCountsVersion();
  const parent = section.parentId ? guide.sections.find((s) => s.id === section.parentId) : undefined;
  const others = participants.filter((p) => !p.isSelf && p.sectionId === section.id);

  return (
    <article className="section-pane" aria-labelledby="section-title">
      <header className="section-pane__header">
        {parent && (
          <p className="section-pane__parent" dir="auto" lang={guide.language}>
            {parent.title}
          </p>
        )}
        <h1 id="section-title" className="section-pane__title" dir="auto" lang={guide.language}>
          {section.title}
        </h1>
        {others.length > 0 && (
          <p className="section-pane__others">
            {t('guide.inThisSection', { names: others.map((p) => p.user.name).join(', ') })}
          </p>
        )}
      </header>
      {session ? (
        <SectionEditor session={session} sectionId={section.id} title={section.title} user={user} language={guide.language} synced={synced} editable={canEdit} />
      ) : (
        <p className="muted">{t('editor.loading')}</p>
      )}
      <StatusLine status={status} wordCount={getWordCount(section.id)} />
    </article>
  );
}
