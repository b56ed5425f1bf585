import { guideState, type Guide } from '@dalil/shared';
import type { GuideDeps } from './guideDeps.ts';

/**
 * Puts a guide in the trash: gone for every member at once (their sockets close for good), kept
 * whole for its coordinators to restore until the trash period ends (purgeTrashedGuides).
 */
export async function trashGuide({ guides, live }: GuideDeps, guideId: string): Promise<Guide> {
  const guide = await guides.setTrashed(guideId, true);
  live.guideStateChanged(guide.id, 'trashed');
  return guide;
}

/** Takes a guide out of the trash as it was (archived or not). */
export async function restoreTrashedGuide({ guides, live }: GuideDeps, guideId: string): Promise<Guide> {
  const guide = await guides.setTrashed(guideId, false);
  live.structureChanged(guide.id, guide.structureVersion);
  live.guideStateChanged(guide.id, guideState(guide));
  return guide;
}
