/**
 * The one cleaning every title, name and comment body goes through before it is stored, so that
 * what people read is what was meant:
 * - Unicode NFC (one spelling of "é" or of an Arabic letter with its marks, for sorting and search);
 * - lone surrogates removed (they are not text, and break JSON and fonts downstream);
 * - C0 and C1 control characters removed (NUL, BEL, ESC...), tabs become spaces; a multi-line text
 *   keeps its line breaks (normalised to \n), a single-line one folds all whitespace to one space;
 * - bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) removed: a name
 *   ending in U+202E would reverse what follows it on every page that shows it. The marks LRM, RLM
 *   and ALM stay: mixed Arabic and French text legitimately needs them;
 * - zero-width spaces, word joiners and byte-order marks removed (ZWJ and ZWNJ stay: Arabic and
 *   emoji need them).
 * Returns null when nothing visible is left: such a text must be refused.
 */
export function cleanText(raw: string, { multiline = false }: { multiline?: boolean } = {}): string | null {
  let text = raw.replace(LONE_SURROGATE, '').normalize('NFC');
  text = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(STRIPPED, '');
  text = multiline
    ? text
        .split('\n')
        .map((line) => line.replace(/[^\S\n]+$/u, ''))
        .join('\n')
        .trim()
    : text.replace(/\s+/g, ' ').trim();
  return VISIBLE.test(text) ? text : null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;
/** Something other than whitespace, joiners, direction marks or lone combining marks. */
const VISIBLE = /[^\s\u200C\u200D\u200E\u200F\u061C\p{M}]/u;
