import type { User } from '@dalil/shared';
import { announceStructure, type SectionDeps } from './sectionDeps.ts';

/**
 * Moves a section and its sub-sections to the trash. Their text is frozen until they come back,
 * over the socket as over REST: open editors are told and become read-only.
 */
export async function trashSection(
  deps: SectionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string },
): Promise<void> {
  deps.access.authorize(user, at.guideId, 'structure.manage');
  const trashed = await deps.guides.trashSection(at.guideId, at.sectionId);
  for (const s of trashed) deps.live.setSectionLocked(s.docName, true, 'section moved to the trash: read-only');
  announceStructure(deps, at.guideId);
}
