import type { AddMemberReply, GuideRole, User } from '@dalil/shared';
import type { MemberDeps } from './memberDeps.ts';

/**
 * A coordinator adds someone who already has an account on this server, by email. The reply is
 * the same whether the address has an account, had none, or was already a member (whose role then
 * stays as it is: changing a role is the role picker's job), so the request cannot be used to learn
 * which addresses have accounts here; the coordinator is told to send an invitation link if the
 * person does not show up in the list.
 */
export async function addMemberByEmail(
  deps: Pick<MemberDeps, 'access' | 'accounts' | 'members'>,
  user: User | null | undefined,
  guideId: string,
  input: { email: string; role: GuideRole },
): Promise<AddMemberReply> {
  deps.access.authorize(user, guideId, 'members.manage');
  const account = deps.accounts.findUserByEmail(input.email);
  if (account) await deps.members.addIfAbsent(guideId, account.id, input.role);
  return { status: 'processed' };
}
