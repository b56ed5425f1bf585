import { useTranslation } from 'react-i18next';
import type { InvitationView } from '@dalil/shared';
import { formatDate } from '../../i18n/formatDate.ts';
import { isolate } from '../../i18n/isolate.ts';
import { invitationState } from './invitationState.ts';

interface InvitationListProps {
  invitations: InvitationView[];
  onRevoke: (invitation: InvitationView) => void;
}

/** Active links first, newest first, with whom they are for and who used them; the others folded away below. */
export function InvitationList({ invitations, onRevoke }: InvitationListProps) {
  const { t } = useTranslation();
  if (invitations.length === 0) return <p className="muted">{t('invitations.empty')}</p>;
  const active = invitations.filter((invitation) => invitationState(invitation) === 'active');
  const inactive = invitations.filter((invitation) => invitationState(invitation) !== 'active');
  return (
    <>
      {active.length === 0 ? (
        <p className="muted">{t('membership.noActive')}</p>
      ) : (
        <ul className="invitation-list" data-testid="invitation-list">
          {active.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} onRevoke={onRevoke} />
          ))}
        </ul>
      )}
      {inactive.length > 0 && (
        <details className="invitations__inactive" data-testid="inactive-invitations">
          <summary>{t('membership.inactiveHeading', { count: inactive.length })}</summary>
          <ul className="invitation-list">
            {inactive.map((invitation) => (
              <InvitationRow key={invitation.id} invitation={invitation} onRevoke={onRevoke} />
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function InvitationRow({ invitation, onRevoke }: { invitation: InvitationView; onRevoke: (invitation: InvitationView) => void }) {
  const { t, i18n } = useTranslation();
  const state = invitationState(invitation);
  const created = formatDate(invitation.createdAt, i18n.language);
  const expires = formatDate(invitation.expiresAt, i18n.language);
  const names = invitation.usedBy.map((use) => isolate(use.name)).join(', ');
  return (
    <li className="invitation-row" data-state={state} data-invitation={invitation.id}>
      <span className={`badge badge--invitation-${state}`}>{t(`invitations.state.${state}`)}</span>
      <span className="invitation-row__role">
        {invitation.label && (
          <bdi className="invitation-row__label" dir="auto">
            {invitation.label}
          </bdi>
        )}
        {invitation.label ? ' · ' : ''}
        {t(`roles.${invitation.role}`)}
      </span>
      <span className="invitation-row__meta">
        <span>{invitation.multiUse ? t('invitations.kindMulti') : t('invitations.kindSingle')}</span>
        <span data-testid="invitation-used-by">{names ? t('membership.usedBy', { names }) : t('membership.notUsed')}</span>
        <span>{t(state === 'expired' ? 'invitations.expired' : 'invitations.expires', { date: expires })}</span>
        <span>{t('invitations.createdAt', { date: created })}</span>
      </span>
      {state === 'active' && (
        <button
          type="button"
          className="button button--small button--danger-quiet invitation-row__revoke"
          aria-label={t('invitations.revokeLabel', { role: invitation.label ? isolate(invitation.label) : t(`roles.${invitation.role}`), date: created })}
          onClick={() => onRevoke(invitation)}
        >
          {t('invitations.revoke')}
        </button>
      )}
    </li>
  );
}
