import type { InvitationView, User } from '@dalil/shared';
import type { InvitationDeps } from './createInvitation.ts';
import { invitationView } from './invitationView.ts';

/** A guide's invitation links (coordinators), tokens not included. */
export function listInvitations(deps: InvitationDeps, user: User | null | undefined, guideId: string): InvitationView[] {
  deps.access.authorize(user, guideId, 'members.manage');
  return deps.members.listInvitations(guideId).map((i) => invitationView(i, (id) => deps.accounts.findUser(id)?.name));
}
