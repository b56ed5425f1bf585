import type { Membership, User } from '@dalil/shared';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { MetadataStore } from '../storage/metadataStore.ts';
import { badRequest, Invalid } from '../domain/errors.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';

export interface AcceptInvitationDeps {
  metadata: MetadataStore;
  accounts: AccountRepository;
  members: MemberRepository;
}

export type InvitationAcceptor =
  | { kind: 'signedIn'; user: User }
  /** No session: the link also creates the account (people invited by link have none yet). */
  | { kind: 'newAccount'; email?: string; name?: string; password?: string; sessionTokenHash: string };

/**
 * Uses an invitation link. For a new account, creating the account, its session and the
 * membership is ONE synchronous step, checked against the invitation inside it: racing accepts of
 * a single-use link make one account, and the others are refused without leaving any behind. The
 * slow part (hashing the password) happens before, outside the step.
 */
export async function acceptInvitation(
  deps: AcceptInvitationDeps,
  tokenHash: string,
  acceptor: InvitationAcceptor,
): Promise<{ membership: Membership; createdUser: User | null }> {
  if (acceptor.kind === 'signedIn') {
    const { membership } = await deps.members.acceptInvitation(tokenHash, acceptor.user.id);
    return { membership, createdUser: null };
  }
  const { email, name, password } = acceptor;
  if (!email || !name || !password) throw badRequest('sign in, or give email, name and password to create an account');
  const problem = passwordProblem(password);
  if (problem) throw new Invalid(problem, 'weak_password');
  // Refuse early a link that is already unusable (saves hashing); the step below checks again.
  deps.members.requireUsableInvitation(tokenHash);
  const passwordHash = await hashPassword(password);
  // Two metadata files change (accounts, the guide's) and are written side by side: a crash between
  // the two writes, before anything was confirmed, can keep one without the other. An account
  // without its membership signs in and accepts again; a used single-use link without its account
  // needs a new link from the coordinator.
  return deps.metadata.mutate((change) => {
    deps.members.requireUsableInvitation(tokenHash);
    const user = deps.accounts.addUser(change, { email, name, passwordHash });
    deps.accounts.addSession(change, user.id, acceptor.sessionTokenHash);
    const { membership } = deps.members.useInvitation(change, tokenHash, user.id);
    return { membership, createdUser: user };
  });
}
