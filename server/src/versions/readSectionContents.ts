import { SECTION_FRAGMENT } from '@dalil/shared';
import { CURRENT_VERSION, type SectionContent } from '@dalil/shared/api/versions';
import { layoutJson } from '@dalil/shared/editor';
import { notFound } from '../errors.ts';
import type { VersionDeps } from './versionDeps.ts';
import { findManifest } from './readVersion.ts';

/**
 * The content of some sections, in a version or (`current`) as it is now: what the reading view
 * renders batch by batch. Ids not in the version (or not live now) are left out of the answer.
 */
export async function readSectionContents(deps: VersionDeps, guideId: string, versionId: string, ids: readonly string[]): Promise<SectionContent[]> {
  const wanted = new Set(ids);
  if (versionId === CURRENT_VERSION) {
    deps.guides.getGuide(guideId);
    const sections = deps.guides.listSections(guideId).filter((s) => wanted.has(s.id));
    return deps.live.readSections(guideId, sections.map((s) => s.docName), (docs) =>
      sections.map((s) => ({ id: s.id, layout: layoutJson(docs.get(s.docName)!.getXmlFragment(SECTION_FRAGMENT)) })),
    );
  }
  const manifest = await findManifest(deps, guideId, versionId);
  const sections = manifest.sections.filter((s) => wanted.has(s.id));
  if (sections.length === 0 && wanted.size > 0) throw notFound('section in this version');
  return Promise.all(sections.map(async (s) => ({ id: s.id, layout: (await deps.versions.content(s.contentHash)).layout })));
}
