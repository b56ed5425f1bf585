import type { User } from '@dalil/shared';
import type { MemberDeps } from './memberDeps.ts';

/**
 * Removes a member from a guide: the membership goes (and with it their section assignments, which
 * changes the structure), their sockets on the guide close with a final code, and everyone's table
 * of contents hears of the new structure.
 */
export async function removeMember(
  deps: MemberDeps,
  user: User | null | undefined,
  at: { guideId: string; userId: string },
): Promise<void> {
  const { guideId, userId } = at;
  deps.access.authorize(user, guideId, 'members.manage');
  const structureVersion = await deps.members.removeMember(guideId, userId);
  deps.live.disconnectMember(guideId, userId, 'removed');
  deps.live.structureChanged(guideId, structureVersion);
}
