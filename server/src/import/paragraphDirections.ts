import type { DocxParts } from './docxPackage.ts';
import { rewriteParagraphParts } from './paragraphParts.ts';

/**
 * mammoth does not report a paragraph's `w:bidi` (mammoth#336). Before conversion, each paragraph
 * that states its direction gets a private-use character as its first text; after conversion,
 * `applyDirections` reads it back into a `dir` attribute and removes it. Private-use characters do
 * not occur in Word's own text, and they travel through styles, lists, tables and notes untouched.
 */
export const RTL_MARK = '\uE000';
export const LTR_MARK = '\uE001';

const PARAGRAPH_WITH_PROPERTIES = /(<w:p(?:\s[^>]*)?>\s*<w:pPr(?:\s[^>]*)?>)([\s\S]*?)(<\/w:pPr>)/g;
const BIDI = /<w:bidi(?:\s+w:val="([^"]*)")?\s*\/>/;

export function markParagraphDirections(parts: DocxParts): number {
  let marked = 0;
  rewriteParagraphParts(parts, 'w:bidi', (xml) =>
    xml.replace(PARAGRAPH_WITH_PROPERTIES, (whole, open: string, props: string, close: string) => {
      const bidi = BIDI.exec(props);
      if (!bidi) return whole;
      marked += 1;
      const off = bidi[1] === '0' || bidi[1] === 'false' || bidi[1] === 'off';
      return `${open}${props}${close}<w:r><w:t>${off ? LTR_MARK : RTL_MARK}</w:t></w:r>`;
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
