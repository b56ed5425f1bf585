import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { AppHeader } from '../components/AppHeader.tsx';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { isolate } from '../i18n/isolate.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '../routing/routes.ts';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { InvitationsPanel } from './members/InvitationsPanel.tsx';
import { MemberList } from './members/MemberList.tsx';
import { useMembers } from './members/useMembers.ts';
import './members/members.css';

/** `/guides/:guideId/members`: who is in the guide; coordinators also change roles and invite. */
export default function MembersPage({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const { state, refresh } = useGuideView(guideId);

  if (state.kind !== 'ready') return <GuideNotReady state={state} loadingLabel={t('members.loading')} />;
  return <Members guide={state.guide} refreshGuide={refresh} />;
}

function Members({ guide, refreshGuide }: { guide: GuideView; refreshGuide: () => Promise<void> }) {
  const { t } = useTranslation();
  const canRead = guide.permissions.includes('members.read');
  // the server computed what our role allows; without it the page only lists
  const canManage = guide.permissions.includes('members.manage');
  const { state, reload } = useMembers(guide.id, canRead);

  useEffect(() => {
    document.title = [t('members.title'), guide.title, t('app.name')].join(' — ');
  }, [guide.title, t]);

  return (
    <>
      <AppHeader>
        <div className="guide-bar">
          <Link to={paths.guide(guide.id)} className="guide-bar__title" dir="auto" lang={guide.language}>
            {guide.title}
          </Link>
        </div>
      </AppHeader>
      <main id="main" className="page members-page" tabIndex={-1}>
        <div className="page__intro">
          <p className="members-page__back">
            <Link to={paths.guide(guide.id)}>
              <span aria-hidden="true" className="members-page__arrow">←</span>
              {t('members.backToGuide')}
            </Link>
          </p>
          <h1>{t('nav.membersOf', { title: isolate(guide.title) })}</h1>
          <p className="muted">{t('members.intro')}</p>
        </div>
        {!canRead && <p role="alert">{t('errors.forbidden')}</p>}
        {canRead && state.kind === 'loading' && <p className="muted" role="status">{t('members.loading')}</p>}
        {canRead && state.kind === 'error' && (
          <p className="form-error" role="alert">
            {t('members.loadError', { message: apiErrorMessage(state.error, t) })}
          </p>
        )}
        {state.kind === 'ready' && (
          <MemberList
            guideId={guide.id}
            members={state.members}
            canManage={canManage}
            onChanged={async () => {
              // our own role may be what changed: the guide's permissions say what we may still do
              await Promise.all([reload(), refreshGuide()]);
            }}
          />
        )}
        {canManage && <InvitationsPanel guideId={guide.id} />}
      </main>
    </>
  );
}
