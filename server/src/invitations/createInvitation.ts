import type { CreatedInvitationView, GuideRole, User } from '@dalil/shared';
import type { GuideAccess } from '../auth/guideAccess.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import { invitationView } from './invitationView.ts';

export interface InvitationDeps {
  access: GuideAccess;
  members: MemberRepository;
  accounts: AccountRepository;
}

const DEFAULT_LIFETIME_HOURS = 7 * 24;

/**
 * A coordinator makes an invitation link for a role. Only the token's hash is stored: the token
 * itself is shown once, in the answer.
 */
export async function createInvitation(
  deps: InvitationDeps,
  user: User | null | undefined,
  guideId: string,
  input: { role: GuideRole; multiUse?: boolean; expiresInHours?: number; label?: string },
): Promise<CreatedInvitationView> {
  const actor = deps.access.authorize(user, guideId, 'members.manage');
  const token = newToken();
  const invitation = await deps.members.createInvitation({
    guideId,
    role: input.role,
    tokenHash: hashToken(token),
    multiUse: input.multiUse ?? false,
    expiresInHours: input.expiresInHours ?? DEFAULT_LIFETIME_HOURS,
    createdBy: actor.user.id,
    label: input.label,
  });
  return { ...invitationView(invitation, (id) => deps.accounts.findUser(id)?.name), token, path: `/invitations/${token}` };
}
