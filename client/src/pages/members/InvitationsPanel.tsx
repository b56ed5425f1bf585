import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitationView, InvitationView } from '@dalil/shared';
import { listInvitations, revokeInvitation } from '../../api/invitations.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { CreatedLink } from './CreatedLink.tsx';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';

/**
 * Coordinators only: make invitation links and follow and revoke them. Every link made during this
 * visit stays shown with its copy button until dismissed (the server keeps only a hash of the
 * token, so a link not copied before leaving the page cannot be shown again).
 */
export function InvitationsPanel({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [invitations, setInvitations] = useState<InvitationView[] | null>(null);
  const [created, setCreated] = useState<CreatedInvitationView[]>([]);
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
      setCreated((links) => links.filter((link) => link.id !== invitation.id));
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
          setCreated((links) => [invitation, ...links]);
          void reload();
        }}
      />
      {created.length > 0 && (
        <div className="created-links" data-testid="created-links">
          <h3 className="created-links__heading">{t('membership.createdHeading', { count: created.length })}</h3>
          <p className="created-link__note">{t('membership.createdNote')}</p>
          {created.map((invitation) => (
            <CreatedLink key={invitation.id} invitation={invitation} onDismiss={() => setCreated((links) => links.filter((link) => link.id !== invitation.id))} />
          ))}
        </div>
      )}
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
