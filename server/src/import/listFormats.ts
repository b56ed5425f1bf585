import type { DocxParts } from './docxPackage.ts';
import { PARTS_WITH_PARAGRAPHS, rewriteParagraphParts } from './paragraphParts.ts';

/** How an ordered list numbers its items, as the editor's `orderedList` says it (HTML's `<ol type>`). */
export type ListFormat = 'a' | 'A' | 'i' | 'I';

const WORD_FORMATS: Record<string, ListFormat> = { lowerLetter: 'a', upperLetter: 'A', lowerRoman: 'i', upperRoman: 'I' };

/**
 * mammoth tells an ordered list from a bulleted one, not "a), b)" from "1., 2." (its numbering
 * reader keeps no `w:numFmt`). Before conversion, each list paragraph whose level numbers with
 * letters or Roman numerals gets a private-use character as its first text, read back into the
 * list's `type` after conversion (`takeListFormat`), as the directions are.
 */
export const LIST_FORMAT_MARKS: Record<ListFormat, string> = { a: '\uE002', A: '\uE003', i: '\uE004', I: '\uE005' };

const ABSTRACT_NUM = /<w:abstractNum\b[^>]*\bw:abstractNumId="([^"]*)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g;
const LEVEL = /<w:lvl\b[^>]*\bw:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g;
const NUM_FORMAT = /<w:numFmt\b[^>]*\bw:val="([^"]*)"/;
const NUM = /<w:num\b[^>]*\bw:numId="([^"]*)"[^>]*>([\s\S]*?)<\/w:num>/g;
const ABSTRACT_NUM_ID = /<w:abstractNumId\b[^>]*\bw:val="([^"]*)"/;
const PARAGRAPH_STYLE = /<w:style\b[^>]*\bw:type="paragraph"[^>]*>[\s\S]*?<\/w:style>/g;
const STYLE_ID = /\bw:styleId="([^"]*)"/;
const NUMBERING_PROPERTIES = /<w:numPr\b[^>]*>([\s\S]*?)<\/w:numPr>/;
const ILVL = /<w:ilvl\b[^>]*\bw:val="(\d+)"/;
const NUM_ID = /<w:numId\b[^>]*\bw:val="([^"]*)"/;
const P_STYLE = /<w:pStyle\b[^>]*\bw:val="([^"]*)"/;
const PARAGRAPH_WITH_PROPERTIES = /(<w:p(?:\s[^>]*)?>\s*<w:pPr(?:\s[^>]*)?>)([\s\S]*?)(<\/w:pPr>)/g;

const text = (parts: DocxParts, name: string) => {
  const data = parts[name];
  return data ? new TextDecoder().decode(data) : '';
};

function partHasAny(parts: DocxParts, name: string, markers: string[]): boolean {
  const data = parts[name];
  if (!data) return false;
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return markers.some((marker) => bytes.includes(marker));
}

/** Lettered and Roman formats by numbering instance and level ("numId/ilvl"); decimal and bullets are left out. */
function numberingFormats(numberingXml: string): Map<string, ListFormat> {
  const byAbstract = new Map<string, Map<string, ListFormat>>();
  for (const [, id, body] of numberingXml.matchAll(ABSTRACT_NUM)) {
    const levels = new Map<string, ListFormat>();
    for (const [, ilvl, level] of body!.matchAll(LEVEL)) {
      const format = WORD_FORMATS[NUM_FORMAT.exec(level!)?.[1] ?? ''];
      if (format) levels.set(ilvl!, format);
    }
    if (levels.size > 0) byAbstract.set(id!, levels);
  }
  const formats = new Map<string, ListFormat>();
  for (const [, numId, body] of numberingXml.matchAll(NUM)) {
    const levels = byAbstract.get(ABSTRACT_NUM_ID.exec(body!)?.[1] ?? '');
    if (levels) for (const [ilvl, format] of levels) formats.set(`${numId}/${ilvl}`, format);
  }
  return formats;
}

/** The numbering a paragraph style gives its paragraphs ("numId/ilvl"), by style id. */
function styleNumbering(stylesXml: string): Map<string, string> {
  const byStyle = new Map<string, string>();
  for (const [style] of stylesXml.matchAll(PARAGRAPH_STYLE)) {
    const id = STYLE_ID.exec(style)?.[1];
    const numPr = NUMBERING_PROPERTIES.exec(style)?.[1];
    const numId = numPr && NUM_ID.exec(numPr)?.[1];
    if (id && numId) byStyle.set(id, `${numId}/${ILVL.exec(numPr)?.[1] ?? '0'}`);
  }
  return byStyle;
}

/** Marks the list paragraphs numbered with letters or Roman numerals; returns how many. */
export function markListFormats(parts: DocxParts): number {
  const formats = numberingFormats(text(parts, 'word/numbering.xml'));
  if (formats.size === 0) return 0;
  const byStyle = styleNumbering(text(parts, 'word/styles.xml'));
  // Nothing to rewrite (decoding a 100-page body costs milliseconds) unless a paragraph may use one.
  const lettered = new Set([...formats.keys()].map((key) => key.split('/')[0]!));
  const markers = [...[...lettered].map((numId) => `w:numId w:val="${numId}"`), ...[...byStyle].filter(([, key]) => formats.has(key)).map(([style]) => `w:pStyle w:val="${style}"`)];
  if (!PARTS_WITH_PARAGRAPHS.some((name) => partHasAny(parts, name, markers))) return 0;
  let marked = 0;
  rewriteParagraphParts(parts, 'w:pPr', (xml) =>
    xml.replace(PARAGRAPH_WITH_PROPERTIES, (whole, open: string, props: string, close: string) => {
      const numPr = NUMBERING_PROPERTIES.exec(props)?.[1];
      let key: string | undefined;
      if (numPr) {
        const numId = NUM_ID.exec(numPr)?.[1];
        if (numId) key = `${numId}/${ILVL.exec(numPr)?.[1] ?? '0'}`;
      } else {
        const style = P_STYLE.exec(props)?.[1];
        if (style) key = byStyle.get(style);
      }
      const format = key && formats.get(key);
      if (!format) return whole;
      marked += 1;
      return `${open}${props}${close}<w:r><w:t>${LIST_FORMAT_MARKS[format]}</w:t></w:r>`;
    }),
  );
  return marked;
}
