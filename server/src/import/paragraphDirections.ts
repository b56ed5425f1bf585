import type { DocxParts } from './docxPackage.ts';
import { rewriteParagraphParts } from './paragraphParts.ts';
import { attribute, firstTag, insertAfterParagraphProperties } from './xmlScan.ts';

/**
 * mammoth does not report a paragraph's `w:bidi` (mammoth#336). Before conversion, each paragraph
 * that states its direction gets a private-use character as its first text; after conversion,
 * `applyDirections` reads it back into a `dir` attribute and removes it. Private-use characters do
 * not occur in Word's own text, and they travel through styles, lists, tables and notes untouched.
 */
export const RTL_MARK = '\uE000';
export const LTR_MARK = '\uE001';

export function markParagraphDirections(parts: DocxParts): number {
  let marked = 0;
  rewriteParagraphParts(parts, 'w:bidi', (xml) =>
    insertAfterParagraphProperties(xml, (properties) => {
      const bidi = firstTag(properties, 'w:bidi');
      if (bidi === null) return null;
      marked += 1;
      const value = attribute(bidi, 'w:val');
      const off = value === '0' || value === 'false' || value === 'off';
      return `<w:r><w:t>${off ? LTR_MARK : RTL_MARK}</w:t></w:r>`;
    }),
  );
  return marked;
}

// Strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo, Arabic presentation forms)
// against strong left-to-right ones (Latin, Greek, Cyrillic... approximated by \p{L} outside those).
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ANY_LETTER = /\p{L}/u;

/** Direction of the first strong character of a text, or null when it has none. */
export function firstStrongDirection(text: string): 'rtl' | 'ltr' | null {
  for (const char of text) {
    if (RTL_LETTER.test(char)) return 'rtl';
    if (ANY_LETTER.test(char)) return 'ltr';
  }
  return null;
}
