import type { DocxParts } from './docxPackage.ts';

const PARTS_WITH_PARAGRAPHS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];
const SIMPLE_FIELD_TAG = /<w:fldSimple\b[^>]*?\/>|<w:fldSimple\b[^>]*>|<\/w:fldSimple>/g;

/**
 * mammoth ignores a simple field (`w:fldSimple`) with what it holds, warning of an unrecognised
 * element: a caption's number, a date, a page reference written that way vanished. The field's
 * runs hold its last value, which is what Word shows: the tags go, the runs stay.
 */
export function unwrapSimpleFields(parts: DocxParts): number {
  let unwrapped = 0;
  for (const name of PARTS_WITH_PARAGRAPHS) {
    const data = parts[name];
    if (!data || !Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes('w:fldSimple')) continue;
    const xml = new TextDecoder().decode(data).replace(SIMPLE_FIELD_TAG, (tag) => {
      if (!tag.startsWith('</')) unwrapped += 1;
      return '';
    });
    parts[name] = new TextEncoder().encode(xml);
  }
  return unwrapped;
}
