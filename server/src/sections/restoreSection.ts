import { isContentLocked, type Section, type User } from '@dalil/shared';
import { announceStructure, type SectionDeps } from './sectionDeps.ts';

/**
 * Brings a trashed section back with the sub-sections trashed with it; each becomes writable again
 * unless its workflow status locks it (a validated section stays locked).
 */
export async function restoreSection(
  deps: SectionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string },
): Promise<Section> {
  deps.access.authorize(user, at.guideId, 'structure.manage');
  const batch = deps.guides.deletionBatch(at.guideId, at.sectionId);
  const section = await deps.guides.restoreSection(at.guideId, at.sectionId);
  for (const s of batch) deps.live.setSectionLocked(s.docName, isContentLocked(s.status), 'section restored');
  announceStructure(deps, at.guideId);
  return section;
}
