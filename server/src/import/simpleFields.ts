import type { DocxParts } from './docxPackage.ts';
import { rewriteParagraphParts } from './paragraphParts.ts';

// A tag ends before the next '<': an opening tag left unclosed in an untrusted file must not make
// each match scan the rest of it.
const SIMPLE_FIELD_TAG = /<w:fldSimple\b[^<>]*>|<\/w:fldSimple>/g;

/**
 * mammoth ignores a simple field (`w:fldSimple`) with what it holds, warning of an unrecognised
 * element: a caption's number, a date, a page reference written that way vanished. The field's
 * runs hold its last value, which is what Word shows: the tags go, the runs stay.
 */
export function unwrapSimpleFields(parts: DocxParts): number {
  let unwrapped = 0;
  rewriteParagraphParts(parts, 'w:fldSimple', (xml) =>
    xml.replace(SIMPLE_FIELD_TAG, (tag) => {
      if (!tag.startsWith('</')) unwrapped += 1;
      return '';
    }),
  );
  return unwrapped;
}
