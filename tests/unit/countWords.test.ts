import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countWords } from '@dalil/shared/editor';

/** The definition countWords must keep: word-like segments of Intl.Segmenter over the whole text. */
function segmenterCount(text: string, locale: string): number {
  let count = 0;
  for (const segment of new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)) if (segment.isWordLike) count += 1;
  return count;
}

// Pieces where word-break rules join or split: apostrophes, decimal points, marks, joiners,
// no-break spaces, Arabic and its punctuation, scripts segmented by dictionary, emoji.
const PIECES = [
  'a', 'Z', '1', '2,5', "l'eau", 'l’eau', 'é', 'Œuvre', 'ß', 'ت', 'مرحبا', 'الماء', 'ـ', ' ', '  ', '\u00A0', '\u202F', '\t', '\n',
  '.', ',', ':', ';', '!', '?', '(', ')', '-', '_', '«', '»', '"', "'", '“', '”', '\u0301', '\u064B', '\u200D', '\u200F', '😀', '🇹🇳',
  '中文', 'ไทย', 'x.y', '3.14', 'e-mail', 'U.S.A', 'ا١٢', '٣', '،', '؛', '؟', 'שלום', 'ǃ', '×', '÷',
];
const text = (maxPieces: number) => fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.boolean()), { maxLength: maxPieces }).map((parts) => parts.map(([p, space]) => (space ? `${p} ` : p)).join(''));

describe('countWords: the segmenter’s count, without its cost', () => {
  it('counts what Intl.Segmenter counts, in French, Arabic and English', () => {
    fc.assert(
      fc.property(text(60), fc.constantFrom('fr', 'ar', 'en'), (t, locale) => {
        expect(countWords(t, locale)).toBe(segmenterCount(t, locale));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts long texts (segmented in pieces) like the whole text', () => {
    fc.assert(
      fc.property(text(1500), (t) => {
        expect(countWords(t, 'fr')).toBe(segmenterCount(t, 'fr'));
      }),
      { numRuns: 40 },
    );
  });

  it('counts French and Arabic prose', () => {
    expect(countWords('L’eau de la commune, en 2024 : 3,5 millions de dinars (environ).', 'fr')).toBe(11);
    expect(countWords('تعمل البلدية مع المجتمع المدني على إعداد المخطط.', 'ar')).toBe(8);
    expect(countWords('', 'fr')).toBe(0);
  });
});
