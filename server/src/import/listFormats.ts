import type { DocxParts } from './docxPackage.ts';
import type { OrderedListType } from '@dalil/shared/editor';
import { partText, rewriteParagraphParts } from './paragraphParts.ts';
import { attribute, elementsNamed, firstTag, insertAfterParagraphProperties } from './xmlScan.ts';

const WORD_FORMATS = new Map<string, OrderedListType>([
  ['lowerLetter', 'a'],
  ['upperLetter', 'A'],
  ['lowerRoman', 'i'],
  ['upperRoman', 'I'],
]);

/**
 * mammoth tells an ordered list from a bulleted one, not "a), b)" from "1., 2." (its numbering
 * reader keeps no `w:numFmt`). Before conversion, each list paragraph whose level numbers with
 * letters or Roman numerals gets a private-use character as its first text, read back into the
 * list's `type` after conversion (`takeListFormat`), as the directions are.
 */
export const LIST_FORMAT_MARKS: Record<OrderedListType, string> = { a: '\uE002', A: '\uE003', i: '\uE004', I: '\uE005' };

const valueOf = (xml: string, element: string) => {
  const tag = firstTag(xml, element);
  return tag === null ? null : attribute(tag, 'w:val');
};

/** A level's format when it is letters or Roman numerals; null for numbers, bullets and the rest. */
const levelFormat = (level: string) => WORD_FORMATS.get(valueOf(level, 'w:numFmt') ?? '') ?? null;

/** Lettered and Roman formats by numbering instance and level ("numId/ilvl"); numbers and bullets are left out. */
function numberingFormats(numberingXml: string): Map<string, OrderedListType> {
  const byAbstract = new Map<string, Map<string, OrderedListType | null>>();
  for (const abstract of elementsNamed(numberingXml, 'w:abstractNum')) {
    const levels = new Map<string, OrderedListType | null>();
    for (const level of elementsNamed(abstract.body, 'w:lvl')) levels.set(attribute(level.tag, 'w:ilvl') ?? '0', levelFormat(level.body));
    byAbstract.set(attribute(abstract.tag, 'w:abstractNumId') ?? '', levels);
  }
  const formats = new Map<string, OrderedListType>();
  for (const num of elementsNamed(numberingXml, 'w:num')) {
    const numId = attribute(num.tag, 'w:numId');
    if (numId === null) continue;
    const levels = new Map(byAbstract.get(valueOf(num.body, 'w:abstractNumId') ?? '') ?? []);
    // An instance may redefine a level of its definition.
    for (const override of elementsNamed(num.body, 'w:lvlOverride')) {
      const redefined = elementsNamed(override.body, 'w:lvl').next();
      if (!redefined.done) levels.set(attribute(override.tag, 'w:ilvl') ?? '0', levelFormat(redefined.value.body));
    }
    for (const [ilvl, format] of levels) if (format) formats.set(`${numId}/${ilvl}`, format);
  }
  return formats;
}

/** The numbering ("numId/ilvl") of a paragraph's properties, or of a style's. */
function numberingOf(properties: string): string | null {
  const numPr = elementsNamed(properties, 'w:numPr').next();
  if (numPr.done) return null;
  const numId = valueOf(numPr.value.body, 'w:numId');
  return numId === null ? null : `${numId}/${valueOf(numPr.value.body, 'w:ilvl') ?? '0'}`;
}

/** The numbering a paragraph style gives its paragraphs ("numId/ilvl"), by style id. */
function styleNumbering(stylesXml: string): Map<string, string> {
  const byStyle = new Map<string, string>();
  for (const style of elementsNamed(stylesXml, 'w:style')) {
    if (attribute(style.tag, 'w:type') !== 'paragraph') continue;
    const id = attribute(style.tag, 'w:styleId');
    const numbering = numberingOf(style.body);
    if (id !== null && numbering) byStyle.set(id, numbering);
  }
  return byStyle;
}

/** Marks the list paragraphs numbered with letters or Roman numerals; returns how many. */
export function markListFormats(parts: DocxParts): number {
  const numberingXml = partText(parts, 'word/numbering.xml');
  // Most files number with digits and bullets only: nothing more to read.
  if (!/(?:Letter|Roman)["']/.test(numberingXml)) return 0;
  const formats = numberingFormats(numberingXml);
  if (formats.size === 0) return 0;
  const byStyle = styleNumbering(partText(parts, 'word/styles.xml'));
  let marked = 0;
  // Only a paragraph with numbering of its own, or a style that may give it some, can be marked.
  rewriteParagraphParts(parts, ['w:numPr', 'w:pStyle'], (xml) =>
    insertAfterParagraphProperties(xml, (properties) => {
      const own = numberingOf(properties);
      const style = own === null ? valueOf(properties, 'w:pStyle') : null;
      const format = formats.get(own ?? (style !== null ? (byStyle.get(style) ?? '') : ''));
      if (!format) return null;
      marked += 1;
      return `<w:r><w:t>${LIST_FORMAT_MARKS[format]}</w:t></w:r>`;
    }),
  );
  return marked;
}
