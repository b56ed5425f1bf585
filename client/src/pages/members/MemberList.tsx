import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideRole, MemberView } from '@dalil/shared';
import { changeMemberRole, removeMember } from '../../api/members.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { isolate } from '../../i18n/isolate.ts';
import { MemberRow } from './MemberRow.tsx';

interface MemberListProps {
  guideId: string;
  members: MemberView[];
  canManage: boolean;
  onChanged: () => Promise<void>;
}

/** The members with their roles; for coordinators, a role picker and "remove" on each row. */
export function MemberList({ guideId, members, canManage, onChanged }: MemberListProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  // the role being asked for shows in the picker until the reload says what the server kept
  const [pending, setPending] = useState<{ userId: string; role: GuideRole } | null>(null);

  async function changeRole(member: MemberView, role: GuideRole): Promise<void> {
    setError(null);
    setPending({ userId: member.userId, role });
    try {
      await changeMemberRole(guideId, member.userId, role);
      announce(t('members.roleChanged', { name: member.name, role: t(`roles.${role}`) }));
    } catch (err) {
      // 409: the last coordinator cannot step down; the row goes back to the role it still has
      setError(apiErrorMessage(err, t));
    } finally {
      await onChanged();
      setPending(null);
    }
  }

  async function remove(member: MemberView): Promise<void> {
    setError(null);
    try {
      await removeMember(guideId, member.userId);
      announce(t('members.removed', { name: member.name }));
    } catch (err) {
      setError(apiErrorMessage(err, t));
    } finally {
      setRemoving(null);
      await onChanged();
    }
  }

  return (
    <section className="card members" aria-labelledby="members-heading">
      <h2 id="members-heading">{t('members.title')}</h2>
      {error && (
        <p className="form-error" role="alert" data-testid="members-error">
          {error}
        </p>
      )}
      <ul className="member-list" aria-label={t('members.listLabel')} data-testid="member-list">
        {members.map((member) => (
          <MemberRow
            key={member.userId}
            member={member}
            shownRole={pending?.userId === member.userId ? pending.role : member.role}
            canManage={canManage}
            busy={pending?.userId === member.userId}
            onRoleChange={(role) => void changeRole(member, role)}
            onRemove={() => setRemoving(member)}
          />
        ))}
      </ul>
      {removing && (
        <ConfirmDialog
          title={t('members.confirmRemoveTitle', { name: isolate(removing.name) })}
          body={t('members.confirmRemoveBody', { name: isolate(removing.name) })}
          confirmLabel={t('members.confirmRemove')}
          cancelLabel={t('members.cancel')}
          onConfirm={() => remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
