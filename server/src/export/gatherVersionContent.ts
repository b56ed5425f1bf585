import { tocOrder } from '@dalil/shared';
import { sectionNumbers } from '@dalil/shared/editor';
import type { ContentView, VersionManifest } from '../storage/versionStore.ts';
import { notFound } from '../errors.ts';
import type { ExportDocument } from './exportDocument.ts';
import { loadImages, type GuideContentSources } from './gatherGuideContent.ts';
import { normalizeContent } from './normalizeContent.ts';

/** What gathering a version needs: its manifest and stored contents (the version store fits). */
export interface VersionContentSources extends Pick<GuideContentSources, 'loadImage'> {
  findVersion(guideId: string, versionId: string): Promise<VersionManifest | undefined>;
  content(hash: string): Promise<ContentView>;
}

/**
 * A version as frozen: its own table of contents, titles, states and contents, dated the day it
 * was made. Nothing here reads the clock or the live guide, so a final version exports the same
 * every time. A provisional version is marked as such; a final one is not.
 */
export async function gatherVersionContent(sources: VersionContentSources, guideId: string, versionId: string): Promise<ExportDocument> {
  const manifest = await sources.findVersion(guideId, versionId);
  if (!manifest) throw notFound('version');
  const numbers = sectionNumbers(manifest.sections, manifest.numbering);
  const sections = [];
  for (const s of tocOrder(manifest.sections)) {
    const content = normalizeContent((await sources.content(s.contentHash)).layout);
    sections.push({ id: s.id, title: s.title, depth: s.depth, number: numbers.get(s.id) ?? '', status: s.status, content });
  }
  const notValidated = new Set(manifest.notValidated);
  const provisional = manifest.kind === 'provisional';
  return {
    guideId,
    title: manifest.guideTitle,
    language: manifest.language,
    date: manifest.createdAt.slice(0, 10),
    versionLabel: manifest.label || (provisional ? null : 'finale'),
    provisional,
    sections,
    unvalidated: sections.filter((s) => notValidated.has(s.id)).map((s) => ({ number: s.number, title: s.title })),
    images: await loadImages(sources, guideId, sections.map((s) => s.content)),
  };
}
