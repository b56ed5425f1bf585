import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_ROLES, type GuideRole, type MemberView } from '@dalil/shared';
import { Avatar } from '../../components/Avatar.tsx';
import { colorForUser } from '@dalil/shared';
import { useCurrentUser } from '../../identity/currentUser.ts';

interface MemberRowProps {
  member: MemberView;
  /** The member's role, or the one just asked for while the server answers. */
  shownRole: GuideRole;
  canManage: boolean;
  busy: boolean;
  onRoleChange: (role: GuideRole) => void;
  onRemove: () => void;
}

/** One member: who they are, their role (a picker for coordinators) and, for others, "remove". */
export function MemberRow({ member, shownRole, canManage, busy, onRoleChange, onRemove }: MemberRowProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const selectId = useId();
  const isMe = member.userId === me.id;

  return (
    <li className="member-row" data-user-id={member.userId} data-role={member.role}>
      <Avatar name={member.name} color={colorForUser(member.userId)} label="" />
      <div className="member-row__who">
        <span className="member-row__name" dir="auto">
          {member.name}
          {isMe && <span className="muted"> ({t('members.you')})</span>}
        </span>
        <span className="member-row__email" dir="ltr">
          {member.email}
        </span>
      </div>
      {canManage ? (
        <div className="member-row__controls">
          <label htmlFor={selectId} className="visually-hidden">
            {t('members.roleOf', { name: member.name })}
          </label>
          <select id={selectId} value={shownRole} disabled={busy} onChange={(event) => onRoleChange(event.target.value as GuideRole)}>
            {GUIDE_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
          {/* leaving one's own guide by mistake is worse than asking another coordinator */}
          {!isMe && (
            <button type="button" className="button button--small button--danger-quiet" aria-label={t('members.removeLabel', { name: member.name })} onClick={onRemove}>
              {t('members.remove')}
            </button>
          )}
        </div>
      ) : (
        <span className="chip member-row__role">{t(`roles.${member.role}`)}</span>
      )}
    </li>
  );
}
