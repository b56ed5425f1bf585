import type { GuideRepository } from '../storage/guideRepository.ts';
import { trashCutoff } from './guideDeps.ts';

export interface PurgeDeps {
  guides: GuideRepository;
  /** Deletes a section's document (its update log and snapshot). */
  deleteDoc(docName: string): Promise<void>;
  /** Deletes a section's approved snapshots. */
  deleteSnapshots(sectionId: string): Promise<void>;
  /** Deletes the guide's image index. */
  deleteImages(guideId: string): Promise<void>;
}

/**
 * Deletes for good the guides whose trash period is over: their records first, in one metadata
 * write, then their files. Runs when the server starts and periodically (app.ts). Returns the ids
 * of the guides purged.
 */
export async function purgeTrashedGuides(deps: PurgeDeps, trashDays: number, now = new Date()): Promise<string[]> {
  const purged: string[] = [];
  for (const guide of deps.guides.trashedBefore(trashCutoff(now, trashDays))) {
    const sections = await deps.guides.purgeGuide(guide.id);
    for (const section of sections) {
      await deps.deleteDoc(section.docName);
      await deps.deleteSnapshots(section.id);
    }
    await deps.deleteImages(guide.id);
    purged.push(guide.id);
  }
  return purged;
}
