import type { Section, UpdateSectionBody, User } from '@dalil/shared';
import { announceStructure, type SectionDeps } from './sectionDeps.ts';

/**
 * Renames or moves a section (structure), or assigns its authors, reviewers and due date. Each kind
 * of change asks for its own right, all before anything changes.
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
  if (authorIds !== undefined || reviewerIds !== undefined || dueDate !== undefined) {
    deps.access.authorize(user, guideId, 'sections.assign');
  }
  const section = await deps.guides.updateSection(guideId, sectionId, input);
  announceStructure(deps, guideId);
  return section;
}
