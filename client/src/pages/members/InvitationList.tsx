import { useTranslation } from 'react-i18next';
import type { InvitationView } from '@dalil/shared';
import { formatDate } from '../../i18n/formatDate.ts';
import { invitationState } from './invitationState.ts';

interface InvitationListProps {
  invitations: InvitationView[];
  onRevoke: (invitation: InvitationView) => void;
}

/** Existing links, newest first, with what became of them; only active ones can be revoked. */
export function InvitationList({ invitations, onRevoke }: InvitationListProps) {
  const { t, i18n } = useTranslation();
  if (invitations.length === 0) return <p className="muted">{t('invitations.empty')}</p>;
  return (
    <ul className="invitation-list" data-testid="invitation-list">
      {invitations.map((invitation) => {
        const state = invitationState(invitation);
        const created = formatDate(invitation.createdAt, i18n.language);
        const expires = formatDate(invitation.expiresAt, i18n.language);
        return (
          <li key={invitation.id} className="invitation-row" data-state={state}>
            <span className={`badge badge--invitation-${state}`}>{t(`invitations.state.${state}`)}</span>
            <span className="invitation-row__role">{t(`roles.${invitation.role}`)}</span>
            <span className="invitation-row__meta">
              <span>{invitation.multiUse ? t('invitations.kindMulti') : t('invitations.kindSingle')}</span>
              <span>{t('invitations.uses', { count: invitation.uses })}</span>
              <span>{t(state === 'expired' ? 'invitations.expired' : 'invitations.expires', { date: expires })}</span>
              <span>{t('invitations.createdAt', { date: created })}</span>
            </span>
            {state === 'active' && (
              <button
                type="button"
                className="button button--small button--danger-quiet invitation-row__revoke"
                aria-label={t('invitations.revokeLabel', { role: t(`roles.${invitation.role}`), date: created })}
                onClick={() => onRevoke(invitation)}
              >
                {t('invitations.revoke')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
