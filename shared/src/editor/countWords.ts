const segmenters = new Map<string, Intl.Segmenter>();

/** Longest piece of text handed to the segmenter at once (see countSegments). */
const CHUNK = 512;
// An ASCII space followed by a basic Latin letter or digit: no word-break rule joins across it.
const SAFE_CUT = /[ ][A-Za-z0-9]/g;
/**
 * A space-separated token that is exactly one word in every locale's word-break rules: Latin or
 * Arabic letters only (letters always join letters), with at most one opening mark before and one
 * closing punctuation after (punctuation joins letters only when letters follow it).
 */
const PLAIN_WORD = /^[("'«“]?(?:[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+|[\u0621-\u063A\u0641-\u064A]+)[.,;:!?)"'»”\u060C\u061B\u061F]?$/;

/**
 * Word count that also works for Arabic (no reliance on spaces alone): Intl.Segmenter knows
 * which segments are words in each script. Shared so the server's table-of-contents counts and
 * the editor's live count agree.
 *
 * The segmenter costs microseconds per segment, so tokens between spaces that are plainly one
 * word are counted without it; the others go through it together, still separated by a space
 * (a word boundary in every rule set), so the count is the segmenter's for the whole text.
 */
export function countWords(text: string, locale = 'fr'): number {
  let count = 0;
  const rest: string[] = [];
  for (const token of text.split(' ')) {
    if (token === '') continue;
    if (PLAIN_WORD.test(token)) count += 1;
    else rest.push(token);
  }
  return rest.length === 0 ? count : count + countSegments(rest.join(' '), locale);
}

/**
 * Word-like segments of a text. V8's segment iterator slows down with the length of the text
 * (a 50,000-character text took seconds), so long texts are segmented in pieces of about CHUNK
 * characters, cut only after a space that precedes a Latin letter or digit: a boundary in every
 * locale's rules, so the count is the same as for the whole text.
 */
function countSegments(text: string, locale: string): number {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.length;
    if (end - start > CHUNK) {
      SAFE_CUT.lastIndex = start + CHUNK;
      const cut = SAFE_CUT.exec(text);
      if (cut) end = cut.index + 1;
    }
    for (const segment of segmenter.segment(start === 0 && end === text.length ? text : text.slice(start, end))) if (segment.isWordLike) count += 1;
    start = end;
  }
  return count;
}
