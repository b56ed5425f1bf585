import type { VersionView } from '@dalil/shared/api/versions';
import { notFound } from '../errors.ts';
import type { VersionManifest } from '../storage/versionStore.ts';
import type { VersionDeps } from './versionDeps.ts';
import { versionView } from './versionViews.ts';

export async function findManifest(deps: Pick<VersionDeps, 'guides' | 'versions'>, guideId: string, versionId: string): Promise<VersionManifest> {
  deps.guides.getGuide(guideId);
  const manifest = await deps.versions.findVersion(guideId, versionId);
  if (!manifest) throw notFound('version');
  return manifest;
}

/** A version's table of contents with each section's state when it was made. */
export async function readVersion(deps: Pick<VersionDeps, 'guides' | 'versions' | 'accounts'>, guideId: string, versionId: string): Promise<VersionView> {
  return versionView(await findManifest(deps, guideId, versionId), deps.accounts);
}
