import type { GuideLanguage } from '@dalil/shared';
import type { ImportPreview, ImportSectionPreview, ImportWarning } from '@dalil/shared/api/import.ts';
import { countWords } from '@dalil/shared/editor';
import { messages } from '@dalil/shared/i18n';
import { convertDocx, type ImageSink, type JsonNode } from './convertDocx.ts';
import type { PackageLimits } from './docxPackage.ts';
import { blocksText, countNodes, splitSections, type ImportedSection } from './splitSections.ts';
import { importRefused } from './importRefused.ts';

/** A converted file, cut into sections, ready to preview or to write. */
export interface ImportPlan {
  title: string;
  language: GuideLanguage;
  splitLevel: number;
  /** In table-of-contents order (a parent before its children). */
  sections: Array<ImportedSection & { stats: Omit<ImportSectionPreview, 'title' | 'depth' | 'introduction'> }>;
  /** Every block of the file in order (an import into a section without splitting appends these). */
  allBlocks: JsonNode[];
  warnings: ImportWarning[];
}

export interface PlanInput {
  bytes: Uint8Array;
  /** Name of the uploaded file: the guide's title when Word's has none. */
  fileName: string;
  splitLevel: number;
}

const INTRODUCTION: Record<GuideLanguage, string> = { fr: 'Introduction', ar: 'مقدمة', en: 'Introduction' };

export async function planImport(input: PlanInput, limits: PackageLimits, images: ImageSink): Promise<ImportPlan> {
  const converted = await convertDocx(input.bytes, limits, images);
  const allBlocks = converted.doc.content ?? [];
  const language = guessLanguage(allBlocks);
  const title = converted.title ?? (input.fileName.replace(/\.docx$/i, '').replace(/[_]+/g, ' ').trim() || INTRODUCTION[language]);
  const split = splitSections(converted.doc, input.splitLevel, INTRODUCTION[language]);
  const warnings = [...converted.warnings];
  const { introduction, sections } = converted.dalilExport ? withoutExportFrame(split) : withoutTypedNumbers(split, warnings);
  if (allBlocks.length === 0 && sections.length === 0) {
    throw importRefused(422, 'import_no_content', 'the document has no text, table or image to import');
  }
  const all: ImportedSection[] = [];
  if (introduction.length > 0 || sections.length === 0) {
    // Without any heading, the whole file is one section named after the guide.
    // An introduction is front matter: the first chapter is still chapter 1.
    all.push({ title: sections.length === 0 ? title : INTRODUCTION[language], depth: 0, introduction: sections.length > 0, unnumbered: sections.length > 0, content: introduction });
  }
  all.push(...sections);
  return {
    title,
    language,
    splitLevel: input.splitLevel,
    sections: all.map((s) => ({ ...s, stats: sectionStats(s.content, language) })),
    allBlocks,
    warnings,
  };
}

const ANNEX_TITLES = new Set(Object.values(messages).map((m) => m.export.annexTitle));
const SECTION_NUMBER = /^\d+(?:\.\d+)*\s+/;
// "1 ", "1. ", "2.3 ", "2.3. ", "2.3) ", "2.3 – " before a letter (a title such as "2030 : …" has none).
const TYPED_NUMBER = /^(\d+(?:\.\d+)*)[.)]?(?:\s*[–—-])?\s+(?=\p{L})/u;

/**
 * Numbers typed at the start of the headings that became sections ("1.2 Les acteurs") would be
 * read after Dalil's own ("2.1 1.2 Les acteurs"): they go when every section has one and each
 * has as many parts as its depth asks (the same offset for all, so that an import into a
 * section, whose headings say "3.1", counts too). Anything less regular is the author's text.
 */
function withoutTypedNumbers(split: ReturnType<typeof splitSections>, warnings: ImportWarning[]): ReturnType<typeof splitSections> {
  if (split.sections.length < 2) return split;
  let offset: number | null = null;
  for (const section of split.sections) {
    const typed = TYPED_NUMBER.exec(section.title);
    if (!typed) return split;
    const parts = typed[1]!.split('.').length - section.depth;
    if (parts < 1 || (offset !== null && parts !== offset)) return split;
    offset = parts;
  }
  warnings.push({ code: 'headingNumbers', count: split.sections.length, examples: split.sections.slice(0, 3).map((s) => s.title.slice(0, 200)) });
  return { ...split, sections: split.sections.map((s) => ({ ...s, title: s.title.replace(TYPED_NUMBER, '') })) };
}

/**
 * A file Dalil exported, seen as the guide it came from: the title and contents pages before the
 * first heading, the annex listing sections not yet validated and the section numbers the export
 * put before titles are the export's, not the guide's.
 */
function withoutExportFrame(split: ReturnType<typeof splitSections>): ReturnType<typeof splitSections> {
  const sections: ImportedSection[] = [];
  // When the guide numbered its sections, one exported without a number was left unnumbered.
  const numbered = split.sections.some((s) => SECTION_NUMBER.test(s.title));
  let skipBelow: number | null = null;
  for (const section of split.sections) {
    if (skipBelow !== null && section.depth > skipBelow) continue;
    skipBelow = null;
    if (section.depth === 0 && ANNEX_TITLES.has(section.title)) {
      skipBelow = 0;
      continue;
    }
    sections.push({ ...section, title: section.title.replace(SECTION_NUMBER, ''), unnumbered: numbered && !SECTION_NUMBER.test(section.title) });
  }
  return { introduction: [], sections };
}

export function sectionStats(content: JsonNode[], language: GuideLanguage): Omit<ImportSectionPreview, 'title' | 'depth' | 'introduction'> {
  const counts = countNodes(content);
  return {
    words: countWords(blocksText(content), language),
    tables: counts.get('table') ?? 0,
    images: counts.get('figure') ?? 0,
    footnotes: counts.get('footnote') ?? 0,
    boxes: counts.get('callout') ?? 0,
  };
}

export function previewOf(plan: ImportPlan): ImportPreview {
  return {
    title: plan.title,
    language: plan.language,
    splitLevel: plan.splitLevel,
    sections: plan.sections.map((s) => ({ title: s.title, depth: s.depth, introduction: s.introduction, ...s.stats })),
    warnings: plan.warnings,
  };
}

/**
 * Arabic when Arabic letters outnumber Latin ones, French otherwise (the projects' two languages),
 * over the text of the blocks (footnotes left out, as in the word counts). Counted code unit by
 * code unit in the text nodes themselves: every range is in the Basic Multilingual Plane, and a
 * regular expression's array of matches, or the whole text joined first, cost more than the rest
 * of the preview's counting.
 */
function guessLanguage(blocks: JsonNode[]): GuideLanguage {
  let arabic = 0;
  let latin = 0;
  const walk = (node: JsonNode) => {
    if (node.type === 'footnote') return;
    const text = node.text;
    if (text === undefined) {
      if (node.content) for (const child of node.content) walk(child);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
      } else if (c >= 0xc0 && c <= 0x24f) latin++;
      else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) arabic++;
    }
  };
  blocks.forEach(walk);
  return arabic > latin ? 'ar' : 'fr';
}
