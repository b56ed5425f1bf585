import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { useGuideRoom } from '../collaboration/useGuideRoom.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { PresenceAvatars } from '../components/PresenceAvatars.tsx';
import { StatusLine } from '../components/StatusLine.tsx';
import { TocPanel } from '../components/toc/TocPanel.tsx';
import { useCurrentUser } from '../identity/currentUser.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { SectionPane } from './guide/SectionPane.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { useStructureSync } from './guide/useStructureSync.ts';
import './guide/guide.css';

interface GuidePageProps {
  guideId: string;
  sectionId: string | null;
}

/** The workspace: table of contents beside the open section. Lazy-loaded with the editor. */
export default function GuidePage({ guideId, sectionId }: GuidePageProps) {
  const { t } = useTranslation();
  const { state, refresh } = useGuideView(guideId);

  if (state.kind !== 'ready') {
    return (
      <>
        <AppHeader />
        <main id="main" className="page page--narrow" tabIndex={-1}>
          {state.kind === 'loading' && <p className="muted" role="status">{t('guide.loading')}</p>}
          {state.kind === 'notFound' && <p role="alert">{t('guide.notFound')}</p>}
          {state.kind === 'error' && <p role="alert">{t('guide.loadError', { message: state.message })}</p>}
          <p>
            <Link to={paths.guides()}>{t('guide.allGuides')}</Link>
          </p>
        </main>
      </>
    );
  }
  return <GuideWorkspace guide={state.guide} sectionId={sectionId} refresh={refresh} />;
}

interface GuideWorkspaceProps {
  guide: GuideView;
  sectionId: string | null;
  refresh: () => Promise<void>;
}

function GuideWorkspace({ guide, sectionId, refresh }: GuideWorkspaceProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const room = useGuideRoom(guide.roomName, { user, sectionId });
  useStructureSync(room.structureVersion, guide.structureVersion, refresh);
  const section = sectionId ? guide.sections.find((s) => s.id === sectionId) : undefined;
  // the server computed what our role allows; we only hide what it would refuse
  const canManage = guide.permissions.includes('structure.manage');
  const canEdit = guide.permissions.includes('section.editText');
  // phones show either the contents or the section; the toggle switches
  const [tocOpen, setTocOpen] = useState(false);
  useEffect(() => setTocOpen(false), [sectionId]);

  useEffect(() => {
    document.title = [section?.title, guide.title, t('app.name')].filter(Boolean).join(' — ');
  }, [section?.title, guide.title, t]);

  return (
    <div className={`guide-layout${sectionId ? ' guide-layout--section' : ''}${tocOpen ? ' guide-layout--toc-open' : ''}`}>
      <AppHeader>
        <div className="guide-bar">
          <Link to={paths.guide(guide.id)} className="guide-bar__title" dir="auto" lang={guide.language}>
            {guide.title}
          </Link>
          <PresenceAvatars participants={room.participants} sections={guide.sections} />
        </div>
      </AppHeader>
      {sectionId && (
        <button type="button" className="toc-toggle" aria-expanded={tocOpen} aria-controls="toc-panel" onClick={() => setTocOpen((open) => !open)}>
          <span aria-hidden="true">☰ </span>
          {tocOpen ? t('guide.hideToc') : t('guide.showToc')}
        </button>
      )}
      <div className="workspace">
        <aside id="toc-panel" className="workspace__toc">
          <TocPanel guide={guide} activeSectionId={sectionId} participants={room.participants} refresh={refresh} canManage={canManage} />
        </aside>
        <main id="main" className="workspace__main" tabIndex={-1}>
          {section ? (
            <SectionPane key={section.id} guide={guide} section={section} user={user} participants={room.participants} canEdit={canEdit} />
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
