import type { MemberView } from '@dalil/shared';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';
import { notFound } from '../domain/errors.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';

/** What the membership use cases need; `RouteServices` provides it. */
export interface MemberDeps {
  access: GuideAccess;
  accounts: AccountRepository;
  members: MemberRepository;
  live: LiveDocuments;
}

/** A member as the API shows them. */
export function memberView(deps: Pick<MemberDeps, 'accounts' | 'members'>, guideId: string, userId: string): MemberView {
  const user = deps.accounts.findUser(userId);
  const role = deps.members.roleOf(guideId, userId);
  if (!user || !role) throw notFound('member');
  return { userId, name: user.name, email: user.email, role };
}
