import { SECTION_FRAGMENT, type Guide, type Section } from '@dalil/shared';
import { layoutJson, type LayoutNode } from '@dalil/shared/editor';
import type * as Y from 'yjs';
import type { ExportDocument, ExportImage } from './exportDocument.ts';
import { sectionNumbers } from './sectionNumbering.ts';
import { figureImageIds } from './layoutWalk.ts';
import { normalizeContent } from './normalizeContent.ts';

/** What gathering today's state needs from the stores (the room registry and repositories fit). */
export interface GuideContentSources {
  findGuide(guideId: string): Guide | undefined;
  listSections(guideId: string): Section[];
  readSection<T>(docName: string, guideId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** The stored image, or null when it is gone (the figure is then exported as its alt text). */
  loadImage(guideId: string, imageId: string): Promise<ExportImage | null>;
}

/**
 * Today's state of a guide, ready for the writers: sections in table-of-contents order with their
 * numbers and live text. It is provisional unless every section is validated.
 */
export async function gatherGuideContent(sources: GuideContentSources, guideId: string, today: string): Promise<ExportDocument> {
  const guide = sources.findGuide(guideId);
  if (!guide) throw new Error(`guide ${guideId} not found`);
  const numbered = sectionNumbers(sources.listSections(guideId));
  const sections = [];
  for (const { node, depth, number } of numbered) {
    const content = await sources.readSection(node.docName, guideId, (doc) => normalizeContent(layoutJson(doc.getXmlFragment(SECTION_FRAGMENT))));
    sections.push({ id: node.id, title: node.title, depth, number, status: node.status, content });
  }
  const unvalidated = sections.filter((s) => s.status !== 'validated').map((s) => ({ number: s.number, title: s.title }));
  return {
    guideId,
    title: guide.title,
    language: guide.language,
    date: today,
    versionLabel: null,
    provisional: unvalidated.length > 0 || sections.length === 0,
    sections,
    unvalidated,
    images: await loadImages(sources, guideId, sections.map((s) => s.content)),
  };
}

/** Loads every image the figures point to, once each. */
export async function loadImages(
  sources: Pick<GuideContentSources, 'loadImage'>,
  guideId: string,
  contents: LayoutNode[],
): Promise<Map<string, ExportImage>> {
  const images = new Map<string, ExportImage>();
  for (const id of new Set(contents.flatMap(figureImageIds))) {
    const image = await sources.loadImage(guideId, id);
    if (image) images.set(id, image);
  }
  return images;
}
