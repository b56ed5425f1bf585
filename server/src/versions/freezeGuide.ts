import { SECTION_FRAGMENT, tocDepths, type Section } from '@dalil/shared';
import { layoutJson } from '@dalil/shared/editor';
import { blocksOf } from '../workflow/approvedContent.ts';
import { contentViewJson } from '../storage/snapshotStore.ts';
import { hashContent, type FrozenSection } from '../storage/versionStore.ts';
import type { VersionDeps } from './versionDeps.ts';

export interface FrozenContent extends FrozenSection {
  /** The content file's exact bytes (an approved snapshot's, for validated sections). */
  bytes: Uint8Array | string;
}

/** The table of contents changed while documents were loading this many times in a row: give up. */
const MAX_ATTEMPTS = 5;

/**
 * The whole guide at one instant: its table of contents, each section's status and content. All
 * documents are loaded first, then the metadata and every document are read in one synchronous
 * step, so no edit or transition can fall between two sections. A validated section's content is
 * its approved snapshot, byte for byte (what reviewers approved is what a version holds).
 *
 * A section needs validation unless it is a pure chapter heading: no text of its own, only
 * sub-sections.
 */
export async function freezeGuide(deps: Pick<VersionDeps, 'guides' | 'workflow' | 'snapshots' | 'live'>, guideId: string): Promise<FrozenContent[]> {
  for (let attempt = 1; ; attempt++) {
    const listed = deps.guides.listSections(guideId);
    const read = await deps.live.readSections(guideId, listed.map((s) => s.docName), (docs) => {
      const sections = deps.guides.listSections(guideId);
      if (sections.some((s) => !docs.has(s.docName))) return null; // a section appeared meanwhile
      return readAll(deps, guideId, sections, (s) => docs.get(s.docName)!);
    });
    if (read) return Promise.all(read.map((s) => withApprovedBytes(deps, s)));
    if (attempt >= MAX_ATTEMPTS) throw new Error('the table of contents kept changing while the guide was being read');
  }
}

function readAll(
  deps: Pick<VersionDeps, 'workflow'>,
  guideId: string,
  sections: Section[],
  docOf: (s: Section) => import('yjs').Doc,
): FrozenContent[] {
  const depths = tocDepths(sections);
  const parents = new Set(sections.map((s) => s.parentId).filter((id): id is string => id !== null));
  return sections.map((s) => {
    const doc = docOf(s);
    const blocks = blocksOf(doc);
    const bytes = contentViewJson({ blocks, layout: layoutJson(doc.getXmlFragment(SECTION_FRAGMENT)) });
    const snapshotId = s.status === 'validated' ? (deps.workflow.lastValidation(guideId, s.id)?.snapshotId ?? null) : null;
    return {
      id: s.id,
      title: s.title,
      parentId: s.parentId,
      position: s.position,
      depth: depths.get(s.id) ?? 0,
      status: s.status,
      needsValidation: !(parents.has(s.id) && blocks.length === 0),
      contentHash: hashContent(bytes),
      snapshotId,
      bytes,
    };
  });
}

async function withApprovedBytes(deps: Pick<VersionDeps, 'snapshots'>, section: FrozenContent): Promise<FrozenContent> {
  if (section.snapshotId === null) return section;
  const bytes = await deps.snapshots.loadViewBytes(section.id, section.snapshotId);
  if (!bytes) throw new Error(`the approved snapshot ${section.snapshotId} of section ${section.id} is missing from the data dir`);
  return { ...section, bytes, contentHash: hashContent(bytes) };
}
