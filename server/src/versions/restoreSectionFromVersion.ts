import { isContentLocked, SECTION_FRAGMENT } from '@dalil/shared';
import type { RestoreResult } from '@dalil/shared/api/versions.ts';
import { layoutJson, sectionSchema } from '@dalil/shared/editor';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { Conflict, notFound } from '../domain/errors.ts';
import { blocksOf } from '../workflow/approvedContent.ts';
import { contentViewJson } from '../storage/snapshotStore.ts';
import { hashContent } from '../storage/versionStore.ts';
import { findManifest } from './readVersion.ts';
import type { VersionDeps } from './versionDeps.ts';

const sectionValidated = () =>
  new Conflict('section_validated', 'the section is validated: reopen it before restoring an earlier text');

/**
 * Brings a section's text back as it was in a version, as a new edit on the live document: every
 * open editor receives it like a colleague's change, and the log only grows (never rewound). The
 * fragment is updated in place (y-prosemirror's diffing update), so paragraphs that did not change
 * keep their identity. Refused on a validated section until it is reopened.
 */
export async function restoreSectionFromVersion(deps: VersionDeps, guideId: string, versionId: string, sectionId: string): Promise<RestoreResult> {
  const manifest = await findManifest(deps, guideId, versionId);
  const frozen = manifest.sections.find((s) => s.id === sectionId);
  if (!frozen) throw notFound('section in this version');
  const section = deps.guides.findSection(guideId, sectionId);
  if (!section || section.deletedAt !== null) throw notFound('section');
  if (isContentLocked(section.status)) throw sectionValidated();
  const { layout } = await deps.versions.content(frozen.contentHash);
  const changed = await deps.live.editSection(guideId, section.docName, (doc) => {
    // checked again in the same step as the edit: a validation may have landed meanwhile
    if (isContentLocked(deps.guides.getSection(guideId, sectionId).status)) throw sectionValidated();
    const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
    if (hashContent(contentViewJson({ blocks: blocksOf(doc), layout: layoutJson(fragment) })) === frozen.contentHash) return false;
    prosemirrorJSONToYXmlFragment(sectionSchema(), layout, fragment);
    return true;
  });
  return { sectionId, versionId, changed };
}
