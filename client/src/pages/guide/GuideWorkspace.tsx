import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { useGuideThreads } from '../../comments/useGuideThreads.ts';
import { useSuggestionCounts } from '../../suggestions/useSuggestionCounts.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { StatusLine } from '../../components/StatusLine.tsx';
import { useCurrentUser } from '../../identity/currentUser.ts';
import { TocPanel } from '../../toc/TocPanel.tsx';
import { GuideBar } from './GuideBar.tsx';
import { SectionPane } from './SectionPane.tsx';
import { useGuideMembers } from './useGuideMembers.ts';
import { useLiveGuide } from './useLiveGuide.ts';
import { useRoleChangeAnnouncement } from './useRoleChangeAnnouncement.ts';
import { ArchivedBanner } from '../settings/ArchivedBanner.tsx';
import '../settings/settings.css';
import { useMediaQuery } from '../../hooks/useMediaQuery.ts';
import type { LostAccess } from './AccessLost.tsx';

/** Phones: contents or section, one at a time (layout.css uses the same width). */
const PHONE_LAYOUT = '(max-width: 760px)';

interface GuideWorkspaceProps {
  guide: GuideView;
  /** The server's reply of this visit, not the kept copy (see GuideViewState). */
  fresh: boolean;
  sectionId: string | null;
  refresh: () => Promise<void>;
  onRemoved: (why: LostAccess) => void;
}

/** The table of contents beside the open section (or a placeholder), under the guide's bar. */
export function GuideWorkspace({ guide, fresh, sectionId, refresh, onRemoved }: GuideWorkspaceProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // the server computed what our role allows; we only hide what it would refuse
  const canManage = guide.permissions.includes('structure.manage');
  const canEdit = guide.permissions.includes('section.editText');
  const canReadMembers = guide.permissions.includes('members.read');
  const canAssign = guide.permissions.includes('sections.assign');
  const { members, people } = useGuideMembers(guide, user.id, canReadMembers);
  const { room, onAccessSignal } = useLiveGuide(guide, user, sectionId, refresh, onRemoved);
  const guideThreads = useGuideThreads(guide.id, room.threadsVersion);
  const suggestionCounts = useSuggestionCounts(guide.id, room.suggestionsVersion);
  const sectionThreads = useMemo(
    () => (guideThreads.threads && sectionId ? guideThreads.threads.filter((th) => th.sectionId === sectionId) : null),
    [guideThreads.threads, sectionId],
  );
  const totalOpen = [...guideThreads.openCountBySection.values()].reduce((a, b) => a + b, 0);
  useRoleChangeAnnouncement(guide.role);
  const section = sectionId ? guide.sections.find((s) => s.id === sectionId) : undefined;

  // phones show either the contents or the section; the toggle switches
  const [tocOpen, setTocOpen] = useState(false);
  useEffect(() => setTocOpen(false), [sectionId]);
  // and a contents a phone does not show is not built until it is first shown: on a second visit it
  // was a tenth of the work done before the section could be edited. Once built it stays (closing it
  // must not lose a title being typed in it).
  const phone = useMediaQuery(PHONE_LAYOUT);
  const [tocBuilt, setTocBuilt] = useState(false);
  if (!tocBuilt && (!phone || !sectionId || tocOpen)) setTocBuilt(true);

  useEffect(() => {
    document.title = [section?.title, guide.title, t('app.name')].filter(Boolean).join(' — ');
  }, [section?.title, guide.title, t]);

  return (
    <div className={`guide-layout${sectionId ? ' guide-layout--section' : ''}${tocOpen ? ' guide-layout--toc-open' : ''}`}>
      <AppHeader>
        <GuideBar guide={guide} participants={room.participants} totalOpenThreads={totalOpen} canReadMembers={canReadMembers} />
      </AppHeader>
      {sectionId && (
        <button type="button" className="toc-toggle" aria-expanded={tocOpen} aria-controls="toc-panel" onClick={() => setTocOpen((open) => !open)}>
          <span aria-hidden="true">☰ </span>
          {tocOpen ? t('guide.hideToc') : t('guide.showToc')}
        </button>
      )}
      <div className="workspace">
        <aside id="toc-panel" className="workspace__toc">
          {tocBuilt && (
            <TocPanel
              guide={guide}
              activeSectionId={sectionId}
              participants={room.participants}
              refresh={refresh}
              canManage={canManage}
              canAssign={canAssign}
              canImport={guide.permissions.includes('section.editText')}
              members={members}
              openThreads={guideThreads.openCountBySection}
              openSuggestions={suggestionCounts}
            />
          )}
        </aside>
        <main id="main" className="workspace__main" tabIndex={-1}>
          <ArchivedBanner guide={guide} />
          {section ? (
            <SectionPane
              key={section.id}
              guide={guide}
              section={section}
              user={user}
              participants={room.participants}
              canEdit={canEdit}
              fresh={fresh}
              onAccessSignal={onAccessSignal}
              threads={sectionThreads}
              applyThread={guideThreads.apply}
              people={people}
              refresh={refresh}
              suggestionsVersion={room.suggestionsVersion}
            />
          ) : (
            <div className="section-placeholder">
              <h1 className="section-placeholder__title" dir="auto" lang={guide.language}>
                {guide.title}
              </h1>
              <p className="muted">{sectionId ? t('guide.sectionMissing') : guide.sections.length ? t('guide.pickSection') : t('guide.emptyGuide')}</p>
              <StatusLine status={{ connection: room.connection, save: 'unknown' }} />
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
