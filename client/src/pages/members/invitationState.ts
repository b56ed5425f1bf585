import type { InvitationView } from '@dalil/shared';

export type InvitationState = 'active' | 'used' | 'expired' | 'revoked';

/** The server's rule (memberRepository.invitationState), in the same order: revoked wins, then expiry. */
export function invitationState(invitation: InvitationView, now = Date.now()): InvitationState {
  if (invitation.revokedAt) return 'revoked';
  if (Date.parse(invitation.expiresAt) <= now) return 'expired';
  if (!invitation.multiUse && invitation.uses > 0) return 'used';
  return 'active';
}
