import type { Invitation, InvitationView } from '@dalil/shared';

/** An invitation as the API shows it: never its token or hash. */
export function invitationView(i: Invitation): InvitationView {
  return {
    id: i.id,
    role: i.role,
    multiUse: i.multiUse,
    expiresAt: i.expiresAt,
    revokedAt: i.revokedAt,
    uses: i.uses,
    createdAt: i.createdAt,
  };
}
