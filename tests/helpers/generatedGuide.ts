import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT, type GuideView, type SectionView } from '@dalil/shared';
import { CALLOUT_KINDS, countWords, fragmentText, sectionSchema, type LayoutNode } from '@dalil/shared/editor';
import type { Api } from './api.ts';
import type { TestServer } from './inProcessServer.ts';
import { seededRandom } from './seededRandom.ts';

/**
 * A realistic guide of any size, generated reproducibly: chapters with sub-sections, French and
 * Arabic text, tables, figures, boxes (callouts) and footnotes spread over the sections. Used by
 * the reading-view and version benchmarks, the export tests and the browser tests.
 */
export interface GuideSpec {
  sections: number;
  /** About this many words over the whole guide. */
  words: number;
  tables: number;
  figures: number;
  callouts: number;
  footnotes: number;
  /** Share of sections written in Arabic (0..1). */
  arabicShare: number;
  /** Sub-sections per chapter (chapters are pure headings with a short introduction). */
  sectionsPerChapter: number;
  seed: number;
}

export const BENCH_GUIDE: GuideSpec = {
  sections: 200,
  words: 60_000,
  tables: 40,
  figures: 60,
  callouts: 40,
  footnotes: 80,
  arabicShare: 0.25,
  sectionsPerChapter: 9,
  seed: 16,
};

export interface GeneratedSection {
  title: string;
  /** Index of the parent in the list (null for a chapter); parents come before their children. */
  parent: number | null;
  language: 'fr' | 'ar';
  doc: LayoutNode;
}

const FR = (
  'la commune associe les habitants à chaque étape du budget participatif et publie les décisions du conseil municipal ' +
  'dans un délai raisonnable afin que les citoyens puissent suivre les projets financés dans leur quartier ' +
  'les organisations de la société civile proposent des cas concrets et les agents municipaux documentent les procédures ' +
  'accès à l’information transparence redevabilité participation citoyenne plan annuel d’investissement séance publique'
).split(' ');
const AR = (
  'تشرك البلدية المتساكنين في كل مراحل الميزانية التشاركية وتنشر قرارات المجلس البلدي في آجال معقولة ' +
  'حتى يتمكن المواطنون من متابعة المشاريع الممولة في أحيائهم وتقترح منظمات المجتمع المدني حالات ملموسة ' +
  'النفاذ إلى المعلومة الشفافية المساءلة المشاركة المواطنية المخطط السنوي للاستثمار الجلسة العلنية'
).split(' ');

const text = (t: string): LayoutNode => ({ type: 'text', text: t });
const paragraph = (...inline: LayoutNode[]): LayoutNode => ({ type: 'paragraph', content: inline });

/** Distributes `total` items over `slots` slots, as evenly as possible, with a seeded shuffle. */
function spread(total: number, slots: number, random: () => number): number[] {
  const out = new Array<number>(slots).fill(0);
  for (let i = 0; i < total; i++) out[Math.floor(((i + random() * 0.999) * slots) / total) % slots]! += 1;
  return out;
}

export function generateGuide(spec: GuideSpec = BENCH_GUIDE): { title: string; sections: GeneratedSection[] } {
  const random = seededRandom(spec.seed);
  const words = (vocabulary: string[], n: number) => Array.from({ length: n }, () => vocabulary[Math.floor(random() * vocabulary.length)]!).join(' ');
  const sentence = (vocabulary: string[], n: number) => {
    const s = words(vocabulary, n);
    return s.charAt(0).toUpperCase() + s.slice(1) + (vocabulary === AR ? '.' : '.');
  };

  // structure: a chapter, then up to sectionsPerChapter sub-sections, until the count is reached
  const shape: Array<{ parent: number | null }> = [];
  let chapter = -1;
  while (shape.length < spec.sections) {
    if (chapter < 0 || shape.length - chapter > spec.sectionsPerChapter) {
      chapter = shape.length;
      shape.push({ parent: null });
    } else shape.push({ parent: chapter });
  }
  const tables = spread(spec.tables, shape.length, random);
  const figures = spread(spec.figures, shape.length, random);
  const callouts = spread(spec.callouts, shape.length, random);
  const footnotes = spread(spec.footnotes, shape.length, random);
  const wordsPerSection = Math.round(spec.words / shape.length);
  let chapterNumber = 0;

  const sections = shape.map(({ parent }, i): GeneratedSection => {
    const arabic = random() < spec.arabicShare;
    const vocabulary = arabic ? AR : FR;
    if (parent === null) chapterNumber += 1;
    const title = parent === null ? (arabic ? `الباب ${chapterNumber}: ${words(AR, 3)}` : `Chapitre ${chapterNumber} : ${words(FR, 3)}`) : sentence(vocabulary, 4).slice(0, -1);
    const blocks: LayoutNode[] = [];
    let budget = parent === null ? Math.round(wordsPerSection / 4) : wordsPerSection;
    let notes = footnotes[i]!;
    while (budget > 0) {
      const n = Math.min(budget, 30 + Math.floor(random() * 50));
      budget -= n;
      const inline: LayoutNode[] = [text(sentence(vocabulary, n) + ' ')];
      if (notes > 0) {
        notes -= 1;
        inline.push({ type: 'footnote', attrs: { text: arabic ? `المصدر: ${words(AR, 6)}` : `Source : ${words(FR, 6)}` } });
      }
      blocks.push(paragraph(...inline));
      if (random() < 0.15) blocks.push({ type: 'bulletList', content: [1, 2, 3].map(() => ({ type: 'listItem', content: [paragraph(text(sentence(vocabulary, 8)))] })) });
    }
    const at = () => Math.floor(random() * (blocks.length + 1));
    for (let k = 0; k < tables[i]!; k++) {
      const row = (cell: 'tableHeader' | 'tableCell', n: number) => ({
        type: 'tableRow',
        content: Array.from({ length: 3 }, () => ({ type: cell, content: [paragraph(text(words(vocabulary, n)))] })),
      });
      blocks.splice(at(), 0, { type: 'table', attrs: { caption: sentence(vocabulary, 5) }, content: [row('tableHeader', 2), row('tableCell', 4), row('tableCell', 4), row('tableCell', 3)] });
    }
    for (let k = 0; k < figures[i]!; k++) {
      blocks.splice(at(), 0, {
        type: 'figure',
        attrs: { alt: sentence(vocabulary, 6), credit: arabic ? 'المصدر: البلدية' : 'Source : commune', size: 'full', missing: words(vocabulary, 3) },
        content: [text(sentence(vocabulary, 7))],
      });
    }
    for (let k = 0; k < callouts[i]!; k++) {
      const kind = CALLOUT_KINDS[Math.floor(random() * CALLOUT_KINDS.length)]!;
      blocks.splice(at(), 0, { type: 'callout', attrs: { kind }, content: [paragraph(text(sentence(vocabulary, 25)))] });
    }
    return { title, parent, language: arabic ? 'ar' : 'fr', doc: { type: 'doc', content: blocks } };
  });
  return { title: 'Guide généré : gouvernement ouvert local', sections };
}

/** A Yjs update that creates `doc` in a section's fragment (as the editor would have written it). */
export function sectionUpdate(doc: LayoutNode): { update: Uint8Array; words: number } {
  const ydoc = prosemirrorJSONToYDoc(sectionSchema(), doc, SECTION_FRAGMENT);
  const update = Y.encodeStateAsUpdate(ydoc);
  const words = countWords(fragmentText(ydoc.getXmlFragment(SECTION_FRAGMENT)));
  ydoc.destroy();
  return { update, words };
}

/**
 * Creates a generated guide on a running server: the coordinator's API makes the guide and its
 * table of contents; section texts are written to the document store before anyone opens them
 * (as the demo seed does).
 */
export async function createGeneratedGuide(
  server: Pick<TestServer, 'docStore' | 'guides'>,
  coordinator: Api,
  generated: { title: string; sections: GeneratedSection[] } = generateGuide(),
): Promise<{ guide: GuideView; sections: SectionView[] }> {
  const guide = await coordinator.createGuide(generated.title);
  const created: SectionView[] = [];
  for (const s of generated.sections) {
    const parentId = s.parent === null ? null : created[s.parent]!.id;
    const section = await coordinator.ok<SectionView>('POST', `/api/guides/${guide.id}/sections`, { title: s.title, parentId });
    created.push(section);
    const { update, words } = sectionUpdate(s.doc);
    await server.docStore.compact(section.docName, update);
    const stored = server.guides.findSection(guide.id, section.id);
    if (stored) await server.guides.recordContentSettled(stored, words, null);
  }
  return { guide, sections: created };
}
