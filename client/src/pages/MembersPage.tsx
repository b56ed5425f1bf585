import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { isolate } from '../i18n/isolate.ts';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { GuideSubpage } from './guide/GuideSubpage.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { InvitationsPanel } from './members/InvitationsPanel.tsx';
import { AddMemberForm } from './members/AddMemberForm.tsx';
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
    <GuideSubpage guide={guide} className="members-page" title={t('nav.membersOf', { title: isolate(guide.title) })} intro={t('members.intro')}>
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
        {canManage && <AddMemberForm guideId={guide.id} onAdded={reload} />}
        {canManage && <InvitationsPanel guideId={guide.id} />}
    </GuideSubpage>
  );
}
