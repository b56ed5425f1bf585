import type { VersionSummary } from '@dalil/shared/api/versions';
import type { VersionDeps } from './versionDeps.ts';
import { versionSummary } from './versionViews.ts';

/** A guide's versions, newest first. */
export async function listVersions(deps: Pick<VersionDeps, 'guides' | 'versions' | 'accounts'>, guideId: string): Promise<VersionSummary[]> {
  deps.guides.getGuide(guideId);
  return (await deps.versions.listVersions(guideId)).map((m) => versionSummary(m, deps.accounts));
}
