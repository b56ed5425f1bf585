import { guideState, type Guide } from '@dalil/shared';
import type { GuideDeps } from './guideDeps.ts';

/**
 * Archives a guide (read-only for everyone, listed apart) or brings it back. Open pages refetch
 * the guide (its permissions now say read-only) and every socket reconnects with the rights the
 * new state leaves, so an edit typed at that moment is refused by the server, not only hidden.
 */
export async function setGuideArchived({ guides, live }: GuideDeps, guideId: string, archived: boolean): Promise<Guide> {
  const guide = await guides.setArchived(guideId, archived);
  live.structureChanged(guide.id, guide.structureVersion);
  live.guideStateChanged(guide.id, guideState(guide));
  return guide;
}
