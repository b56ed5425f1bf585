import type { InvitationPreview } from '@dalil/shared';
import { hashToken } from '../auth/tokens.ts';
import { notFound } from '../domain/errors.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';

/** What an invitation link offers, and whether it can still be used; anyone holding the link may ask. */
export function previewInvitation(
  deps: { guides: GuideRepository; members: MemberRepository },
  token: string,
): InvitationPreview {
  const invitation = deps.members.findInvitationByTokenHash(hashToken(token));
  if (!invitation) throw notFound('invitation');
  const state = deps.members.invitationState(invitation);
  return {
    guideId: invitation.guideId,
    guideTitle: deps.guides.getGuide(invitation.guideId).title,
    role: invitation.role,
    valid: state === 'valid',
    reason: state === 'valid' ? null : state,
  };
}
