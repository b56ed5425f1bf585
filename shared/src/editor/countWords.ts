const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Word count that also works for Arabic (no reliance on spaces alone): Intl.Segmenter knows
 * which segments are words in each script. Shared so the server's table-of-contents counts and
 * the editor's live count agree.
 */
export function countWords(text: string, locale = 'fr'): number {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count += 1;
  return count;
}
