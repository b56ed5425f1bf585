import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import type { Participant } from '../../collaboration/presence.ts';
import { PresenceAvatars } from '../../components/PresenceAvatars.tsx';
import { ExportMenu } from '../../export/ExportMenu.tsx';
import { Link } from '../../routing/Link.tsx';
import { paths } from '../../routing/routes.ts';

interface GuideBarProps {
  guide: GuideView;
  participants: Participant[];
  /** Open comment threads in the whole guide. */
  totalOpenThreads: number;
  canReadMembers: boolean;
}

/** The guide's title, who is here, and the links to its other pages, in the app header. */
export function GuideBar({ guide, participants, totalOpenThreads, canReadMembers }: GuideBarProps) {
  const { t } = useTranslation();
  return (
    <div className="guide-bar">
      <Link to={paths.guide(guide.id)} className="guide-bar__title" dir="auto" lang={guide.language}>
        {guide.title}
      </Link>
      <PresenceAvatars participants={participants} sections={guide.sections} />
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
        {totalOpenThreads > 0 && (
          <>
            <span className="guide-bar__count" aria-hidden="true">
              {totalOpenThreads}
            </span>
            <span className="visually-hidden">{t('comments.openThreads', { count: totalOpenThreads })}</span>
          </>
        )}
      </Link>
      {canReadMembers && (
        <Link to={paths.members(guide.id)} className="button button--small guide-bar__members">
          {t('nav.members')}
        </Link>
      )}
      {(guide.permissions.includes('guide.update') || guide.permissions.includes('guide.archive')) && (
        <Link to={paths.settings(guide.id)} className="button button--small guide-bar__members" data-testid="settings-link">
          {t('guideSettings.link')}
        </Link>
      )}
      {guide.permissions.includes('guide.export') && <ExportMenu guideId={guide.id} />}
    </div>
  );
}
