import type { InvitationView, User } from '@dalil/shared';
import type { InvitationDeps } from './createInvitation.ts';
import { invitationView } from './invitationView.ts';

/** Ends an invitation link; memberships it already gave stay. */
export async function revokeInvitation(
  deps: InvitationDeps,
  user: User | null | undefined,
  at: { guideId: string; invitationId: string },
): Promise<InvitationView> {
  deps.access.authorize(user, at.guideId, 'members.manage');
  return invitationView(await deps.members.revokeInvitation(at.guideId, at.invitationId), (id) => deps.accounts.findUser(id)?.name);
}
