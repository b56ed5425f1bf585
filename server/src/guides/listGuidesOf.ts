import { can, guideState, type GuideSummary } from '@dalil/shared';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { ThreadRepository } from '../storage/threadRepository.ts';
import { purgeAt } from './guideDeps.ts';

/**
 * The guides a user is a member of, most recently changed first: active and archived ones for
 * every member, trashed ones only for those who may restore them (with the day they will be gone).
 */
export function listGuidesOf(
  deps: { guides: GuideRepository; members: MemberRepository; threads: ThreadRepository },
  userId: string,
  trashDays: number,
): GuideSummary[] {
  const roles = new Map(deps.members.membershipsOf(userId).map((m) => [m.guideId, m.role]));
  const out: GuideSummary[] = [];
  for (const g of deps.guides.listGuides()) {
    const role = roles.get(g.id);
    const state = guideState(g);
    if (!role || (state === 'trashed' && !can(role, 'guide.delete', state))) continue;
    out.push({
      id: g.id,
      title: g.title,
      language: g.language,
      sectionCount: deps.guides.listSections(g.id).length,
      openThreads: deps.threads.list(g.id, { status: 'open' }).length,
      updatedAt: g.updatedAt,
      role,
      state,
      archivedAt: g.archivedAt,
      deletedAt: g.deletedAt,
      purgeAt: g.deletedAt ? purgeAt(g.deletedAt, trashDays) : null,
    });
  }
  return out;
}
