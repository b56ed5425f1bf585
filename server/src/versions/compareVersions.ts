import { CURRENT_VERSION, type Comparison, type SectionComparison } from '@dalil/shared/api/versions';
import { textChanges } from '@dalil/shared/textChanges';
import type { ContentView } from '../storage/versionStore.ts';
import { freezeGuide } from './freezeGuide.ts';
import { findManifest } from './readVersion.ts';
import type { VersionDeps } from './versionDeps.ts';

interface Side {
  sections: Array<{ id: string; title: string; depth: number; contentHash: string }>;
  content(hash: string): Promise<ContentView>;
}

/**
 * Two versions (or a version and the guide now) section by section: which sections were added or
 * removed, and in the others what changed, block by block and word by word (the same diff as
 * "changes since approval"). Sections come in the order of `to`, removed ones where they were.
 */
export async function compareVersions(deps: VersionDeps, guideId: string, from: string, to: string): Promise<Comparison> {
  const guide = deps.guides.getGuide(guideId);
  const [before, after] = await Promise.all([side(deps, guideId, from), side(deps, guideId, to)]);
  const beforeById = new Map(before.sections.map((s) => [s.id, s]));
  const afterIds = new Set(after.sections.map((s) => s.id));
  const out: SectionComparison[] = [];
  const compareOne = async (s: Side['sections'][number]): Promise<SectionComparison> => {
    const old = beforeById.get(s.id);
    if (!old) {
      const blocks = (await after.content(s.contentHash)).blocks;
      return { id: s.id, title: s.title, depth: s.depth, change: 'added', previousTitle: null, blocks: textChanges([], blocks, guide.language) };
    }
    const previousTitle = old.title !== s.title ? old.title : null;
    if (old.contentHash === s.contentHash) return { id: s.id, title: s.title, depth: s.depth, change: 'same', previousTitle, blocks: [] };
    const [a, b] = await Promise.all([before.content(old.contentHash), after.content(s.contentHash)]);
    return { id: s.id, title: s.title, depth: s.depth, change: 'changed', previousTitle, blocks: textChanges(a.blocks, b.blocks, guide.language) };
  };
  // removed sections go right after the section that preceded them in `from`
  const removedAfter = new Map<string | null, Side['sections']>();
  let previous: string | null = null;
  for (const s of before.sections) {
    if (!afterIds.has(s.id)) {
      const list = removedAfter.get(previous) ?? [];
      list.push(s);
      removedAfter.set(previous, list);
    } else previous = s.id;
  }
  const removed = async (s: Side['sections'][number]): Promise<SectionComparison> => ({
    id: s.id,
    title: s.title,
    depth: s.depth,
    change: 'removed',
    previousTitle: null,
    blocks: textChanges((await before.content(s.contentHash)).blocks, [], guide.language),
  });
  for (const s of removedAfter.get(null) ?? []) out.push(await removed(s));
  for (const s of after.sections) {
    out.push(await compareOne(s));
    for (const r of removedAfter.get(s.id) ?? []) out.push(await removed(r));
  }
  return { from, to, sections: out };
}

async function side(deps: VersionDeps, guideId: string, versionId: string): Promise<Side> {
  if (versionId === CURRENT_VERSION) {
    const frozen = await freezeGuide(deps, guideId);
    const byHash = new Map(frozen.map((s) => [s.contentHash, s.bytes]));
    return {
      sections: frozen,
      content: async (hash) => JSON.parse(Buffer.from(byHash.get(hash)!).toString('utf8')) as ContentView,
    };
  }
  const manifest = await findManifest(deps, guideId, versionId);
  return { sections: manifest.sections, content: (hash) => deps.versions.content(hash) };
}
