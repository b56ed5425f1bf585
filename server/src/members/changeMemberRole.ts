import type { GuideRole, MemberView, User } from '@dalil/shared';
import { notFound } from '../domain/errors.ts';
import { memberView, type MemberDeps } from './memberDeps.ts';

/**
 * Gives a member another role (a guide keeps at least one coordinator). Rights are decided when a
 * socket connects, so the member's open sockets are closed to reconnect with the new ones.
 */
export async function changeMemberRole(
  deps: MemberDeps,
  user: User | null | undefined,
  at: { guideId: string; userId: string },
  role: GuideRole,
): Promise<MemberView> {
  const { guideId, userId } = at;
  deps.access.authorize(user, guideId, 'members.manage');
  if (!deps.members.roleOf(guideId, userId)) throw notFound('member');
  await deps.members.setRole(guideId, userId, role);
  deps.live.disconnectMember(guideId, userId, 'roleChanged');
  return memberView(deps, guideId, userId);
}
