import { useEffect, useMemo } from 'react';
import type { GuideView, MemberView, PersonRef } from '@dalil/shared';
import { useMembers } from '../members/useMembers.ts';

/**
 * The guide's members when our role may read them (null otherwise or while loading), and the
 * people one can mention (everyone but us).
 */
export function useGuideMembers(guide: GuideView, userId: string, canReadMembers: boolean): { members: MemberView[] | null; people: PersonRef[] } {
  const { state, reload } = useMembers(guide.id, canReadMembers);
  const members = canReadMembers && state.kind === 'ready' ? state.members : null;
  const people = useMemo(() => (members ?? []).filter((m) => m.userId !== userId).map((m) => ({ id: m.userId, name: m.name })), [members, userId]);

  // someone assigned who joined after our member list was loaded: load it again (once per version)
  const unknownAssignee =
    members !== null && guide.sections.some((s) => [...s.authorIds, ...s.reviewerIds].some((id) => !members.some((m) => m.userId === id)));
  useEffect(() => {
    if (unknownAssignee) void reload();
  }, [unknownAssignee, guide.structureVersion, reload]);

  return { members, people };
}
