import type { MemberView, User } from '@dalil/shared';
import { memberView, type MemberDeps } from './memberDeps.ts';

/** A guide's members by name, for those whose role may see them. */
export function listMembers(deps: MemberDeps, user: User | null | undefined, guideId: string): MemberView[] {
  deps.access.authorize(user, guideId, 'members.read');
  return deps.members
    .listMembers(guideId)
    .map((m) => memberView(deps, guideId, m.userId))
    .sort((a, b) => a.name.localeCompare(b.name));
}
