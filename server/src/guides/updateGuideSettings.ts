import type { Guide, UpdateGuideBody } from '@dalil/shared';
import type { GuideDeps } from './guideDeps.ts';

/**
 * Renames a guide, changes its language, numbering or workflow setting. Every open page of the
 * guide refetches it (the guide room's structure version), so a new title shows there at once.
 */
export async function updateGuideSettings({ guides, live }: GuideDeps, guideId: string, change: UpdateGuideBody): Promise<Guide> {
  const guide = await guides.updateGuide(guideId, change);
  live.structureChanged(guide.id, guide.structureVersion);
  return guide;
}
