import { SECTION_FRAGMENT, tocDepths, tocOrder, type Guide, type Section } from '@dalil/shared';
import { layoutJson, sectionNumbers, type LayoutNode } from '@dalil/shared/editor';
import type * as Y from 'yjs';
import type { ExportDocument, ExportImage } from './exportDocument.ts';
import { figureImageIds } from './layoutWalk.ts';
import { normalizeContent } from './normalizeContent.ts';

/** What gathering today's state needs from the stores (the room registry and repositories fit). */
export interface GuideContentSources {
  findGuide(guideId: string): Guide | undefined;
  listSections(guideId: string): Section[];
  readSection<T>(guideId: string, docName: string, read: (doc: Y.Doc) => T): Promise<T>;
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
  const listed = sources.listSections(guideId);
  const numbers = sectionNumbers(listed, guide.numbering);
  const depths = tocDepths(listed);
  const parents = new Set(listed.map((s) => s.parentId).filter((id): id is string => id !== null));
  const sections = [];
  const unvalidated = [];
  for (const node of tocOrder(listed)) {
    const content = await sources.readSection(guideId, node.docName, (doc) => normalizeContent(layoutJson(doc.getXmlFragment(SECTION_FRAGMENT))));
    const section = { id: node.id, title: node.title, depth: depths.get(node.id) ?? 0, number: numbers.get(node.id) ?? '', status: node.status, content };
    sections.push(section);
    // a pure chapter heading (sub-sections, no text of its own) needs no validation, as for versions
    const needsValidation = !(parents.has(node.id) && (content.content ?? []).every(isEmptyParagraph));
    if (needsValidation && node.status !== 'validated') unvalidated.push({ number: section.number, title: section.title });
  }
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

function isEmptyParagraph(node: LayoutNode): boolean {
  return node.type === 'paragraph' && (node.content ?? []).length === 0;
}
