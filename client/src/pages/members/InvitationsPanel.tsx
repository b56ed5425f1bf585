import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitationView, InvitationView } from '@dalil/shared';
import { listInvitations, revokeInvitation } from '../../api/invitations.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { CreatedLink } from './CreatedLink.tsx';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';

/** Coordinators only: make an invitation link, see it once, follow and revoke existing links. */
export function InvitationsPanel({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [invitations, setInvitations] = useState<InvitationView[] | null>(null);
  const [created, setCreated] = useState<CreatedInvitationView | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setInvitations(await listInvitations(guideId));
    } catch (err) {
      setError(apiErrorMessage(err, t));
    }
  }, [guideId, t]);
  useEffect(() => void reload(), [reload]);

  async function revoke(invitation: InvitationView): Promise<void> {
    setError(null);
    try {
      await revokeInvitation(guideId, invitation.id);
      announce(t('invitations.revoked'));
    } catch (err) {
      setError(apiErrorMessage(err, t));
    }
    await reload();
  }

  return (
    <section className="card invitations" aria-labelledby="invitations-heading">
      <h2 id="invitations-heading">{t('invitations.title')}</h2>
      <p className="muted">{t('invitations.intro')}</p>
      <InviteForm
        guideId={guideId}
        onCreated={(invitation) => {
          setCreated(invitation);
          void reload();
        }}
      />
      {created && <CreatedLink key={created.id} invitation={created} onDismiss={() => setCreated(null)} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <h3 className="invitations__list-heading">{t('invitations.listHeading')}</h3>
      {invitations === null ? (
        <p className="muted" role="status">{t('invitations.loading')}</p>
      ) : (
        <InvitationList invitations={invitations} onRevoke={(invitation) => void revoke(invitation)} />
      )}
    </section>
  );
}
