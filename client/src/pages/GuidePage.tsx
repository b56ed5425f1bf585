import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import type { AccessSignal } from '../collaboration/accessSignals.ts';
import { useAnnouncement, useLaterAnnouncement } from '../collaboration/useAnnouncement.ts';
import { useGuideRoom } from '../collaboration/useGuideRoom.ts';
import { useGuideThreads } from '../comments/useGuideThreads.ts';
import { useAnnounce } from '../components/Announcer.tsx';
import { AppHeader } from '../components/AppHeader.tsx';
import { PresenceAvatars } from '../components/PresenceAvatars.tsx';
import { StatusLine } from '../components/StatusLine.tsx';
import { TocPanel } from '../toc/TocPanel.tsx';
import { loadSession, useCurrentUser } from '../identity/currentUser.ts';
import { refreshNotifications } from '../notifications/notificationStore.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { navigate } from '../routing/history.ts';
import { AccessLost } from './guide/AccessLost.tsx';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { SectionPane } from './guide/SectionPane.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { useStructureSync } from './guide/useStructureSync.ts';
import { useMembers } from './members/useMembers.ts';
import './guide/guide.css';

interface GuidePageProps {
  guideId: string;
  sectionId: string | null;
}

/** The workspace: table of contents beside the open section. Lazy-loaded with the editor. */
export default function GuidePage({ guideId, sectionId }: GuidePageProps) {
  const { t } = useTranslation();
  const { state, refresh } = useGuideView(guideId);
  // set when the server closes our sockets with 4409: we were removed while the guide was open
  const [removed, setRemoved] = useState(false);

  // readers only read: the guide opens for them as one document
  const readerLanding = state.kind === 'ready' && state.guide.role === 'reader' && sectionId === null;
  useEffect(() => {
    if (readerLanding) navigate(paths.read(guideId), { replace: true });
  }, [readerLanding, guideId]);

  if (removed || state.kind === 'forbidden') return <AccessLost />;
  if (state.kind !== 'ready' || readerLanding) return <GuideNotReady state={state.kind === 'ready' ? { kind: 'loading' } : state} loadingLabel={t('guide.loading')} />;
  return <GuideWorkspace guide={state.guide} sectionId={sectionId} refresh={refresh} onRemoved={() => setRemoved(true)} />;
}

interface GuideWorkspaceProps {
  guide: GuideView;
  sectionId: string | null;
  refresh: () => Promise<void>;
  onRemoved: () => void;
}

function GuideWorkspace({ guide, sectionId, refresh, onRemoved }: GuideWorkspaceProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  // the server computed what our role allows; we only hide what it would refuse
  const canManage = guide.permissions.includes('structure.manage');
  const canEdit = guide.permissions.includes('section.editText');
  const canReadMembers = guide.permissions.includes('members.read');
  const canAssign = guide.permissions.includes('sections.assign');
  const { state: membersState, reload: reloadMembers } = useMembers(guide.id, canReadMembers);
  const members = canReadMembers && membersState.kind === 'ready' ? membersState.members : null;

  // Closing codes from either socket (room or section): the server decided about our access.
  const onAccessSignal = useCallback(
    (signal: AccessSignal) => {
      if (signal === 'sessionEnded') void loadSession(); // confirms, then the login page takes over (URL kept)
      else if (signal === 'removed') onRemoved();
      else void refresh(); // role changed: the provider reconnects by itself; permissions come from the guide
    },
    [onRemoved, refresh],
  );
  const room = useGuideRoom(guide.roomName, { user, sectionId }, onAccessSignal);
  useStructureSync(room.structureVersion, guide.structureVersion, refresh);
  // word counts and last edits of sections open elsewhere
  useAnnouncement([room.contentVersion], () => void refresh());
  // a structure change may be a transition that notified us, a comment change a mention: ask the bell to look
  // (not for the versions the room reports on connecting: the bell asked when it appeared)
  useLaterAnnouncement([room.structureVersion, room.threadsVersion], () => void refreshNotifications());
  const guideThreads = useGuideThreads(guide.id, room.threadsVersion);
  const sectionThreads = useMemo(
    () => (guideThreads.threads && sectionId ? guideThreads.threads.filter((th) => th.sectionId === sectionId) : null),
    [guideThreads.threads, sectionId],
  );
  const totalOpen = [...guideThreads.openCountBySection.values()].reduce((a, b) => a + b, 0);
  const people = useMemo(
    () => (members ?? []).filter((m) => m.userId !== user.id).map((m) => ({ id: m.userId, name: m.name })),
    [members, user.id],
  );
  useRoleChangeAnnouncement(guide.role);
  const section = sectionId ? guide.sections.find((s) => s.id === sectionId) : undefined;

  // someone assigned who joined after our member list was loaded: load it again (once per version)
  const unknownAssignee =
    members !== null && guide.sections.some((s) => [...s.authorIds, ...s.reviewerIds].some((id) => !members.some((m) => m.userId === id)));
  useEffect(() => {
    if (unknownAssignee) void reloadMembers();
  }, [unknownAssignee, guide.structureVersion, reloadMembers]);
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
          <Link to={paths.read(guide.id)} className="button button--small guide-bar__members" data-testid="read-link">
            {t('versions.readLink')}
          </Link>
          <Link to={paths.versions(guide.id)} className="button button--small guide-bar__members" data-testid="versions-link">
            {t('versions.versionsLink')}
          </Link>
          <Link to={paths.progress(guide.id)} className="button button--small guide-bar__members" data-testid="progress-link">
            {t('dashboard.link')}
          </Link>
          <Link to={paths.threads(guide.id)} className="button button--small guide-bar__members">
            {t('nav.comments')}
            {totalOpen > 0 && (
              <>
                <span className="guide-bar__count" aria-hidden="true">
                  {totalOpen}
                </span>
                <span className="visually-hidden">{t('comments.openThreads', { count: totalOpen })}</span>
              </>
            )}
          </Link>
          {canReadMembers && (
            <Link to={paths.members(guide.id)} className="button button--small guide-bar__members">
              {t('nav.members')}
            </Link>
          )}
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
          <TocPanel
            guide={guide}
            activeSectionId={sectionId}
            participants={room.participants}
            refresh={refresh}
            canManage={canManage}
            canAssign={canAssign}
            members={members}
            openThreads={guideThreads.openCountBySection}
          />
        </aside>
        <main id="main" className="workspace__main" tabIndex={-1}>
          {section ? (
            <SectionPane
              key={section.id}
              guide={guide}
              section={section}
              user={user}
              participants={room.participants}
              canEdit={canEdit}
              onAccessSignal={onAccessSignal}
              threads={sectionThreads}
              applyThread={guideThreads.apply}
              people={people}
              refresh={refresh}
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

/** Says so when our role in the open guide changes (a coordinator changed it while we were here). */
function useRoleChangeAnnouncement(role: GuideView['role']): void {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const previous = useRef(role);
  useEffect(() => {
    if (previous.current === role) return;
    previous.current = role;
    announce(t('access.roleChanged', { role: t(`roles.${role}`) }));
  }, [role, announce, t]);
}
