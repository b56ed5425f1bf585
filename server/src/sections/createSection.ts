import type { CreateSectionBody, Section, User } from '@dalil/shared';
import { announceStructure, type SectionDeps } from './sectionDeps.ts';

/** Adds a section to the table of contents (at the end of its parent, or where asked). */
export async function createSection(
  deps: SectionDeps,
  user: User | null | undefined,
  guideId: string,
  input: CreateSectionBody,
): Promise<Section> {
  deps.access.authorize(user, guideId, 'structure.manage');
  const section = await deps.guides.createSection(guideId, input);
  announceStructure(deps, guideId);
  return section;
}
