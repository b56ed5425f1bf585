import type { Section, User } from '@dalil/shared';
import type { SectionDeps } from './sectionDeps.ts';

/** The guide's trashed sections, for those who manage its structure. */
export function listTrash(deps: SectionDeps, user: User | null | undefined, guideId: string): Section[] {
  deps.access.authorize(user, guideId, 'structure.manage');
  return deps.guides.listTrash(guideId);
}
