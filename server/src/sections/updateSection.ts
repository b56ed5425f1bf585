import type { Section, UpdateSectionBody, User } from '@dalil/shared';
import { announceStructure, type SectionDeps } from './sectionDeps.ts';

/**
 * Renames or moves a section (structure), or assigns its authors, reviewers and due date. Each kind
 * of change asks for its own right, all before anything changes. Who is newly given the section
 * to write or to review is told in their notifications.
 */
export async function updateSection(
  deps: SectionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string },
  input: UpdateSectionBody,
): Promise<Section> {
  const { guideId, sectionId } = at;
  const { authorIds, reviewerIds, dueDate, ...structural } = input;
  if (Object.keys(structural).length > 0) deps.access.authorize(user, guideId, 'structure.manage');
  let actorId: string | null = null;
  if (authorIds !== undefined || reviewerIds !== undefined || dueDate !== undefined) {
    actorId = deps.access.authorize(user, guideId, 'sections.assign').user.id;
  }
  // copied: the repository's record is the one the update changes
  const { authorIds: authorsBefore, reviewerIds: reviewersBefore } = deps.guides.getSection(guideId, sectionId);
  const before = { authorIds: [...authorsBefore], reviewerIds: [...reviewersBefore] };
  const section = await deps.guides.updateSection(guideId, sectionId, input);
  announceStructure(deps, guideId);
  if (actorId) await notifyAssigned(deps, actorId, before, section);
  return section;
}

async function notifyAssigned(deps: SectionDeps, actorId: string, before: Pick<Section, 'authorIds' | 'reviewerIds'>, after: Section): Promise<void> {
  const added = (was: string[], now: string[]) => now.filter((id) => !was.includes(id));
  const base = { actorId, guideId: after.guideId, sectionId: after.id };
  // the assignment is made: a notification that fails to be written must not undo or refuse it
  await Promise.all([
    deps.notifications.notify({ ...base, recipientIds: added(before.authorIds, after.authorIds), kind: 'assignedAuthor' }),
    deps.notifications.notify({ ...base, recipientIds: added(before.reviewerIds, after.reviewerIds), kind: 'assignedReviewer' }),
  ]).catch(() => {});
}
