/** Letters of the right-to-left scripts (Hebrew, Arabic and their presentation forms). */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
/** Any other letter (Latin, accented, Greek...): written left to right. */
const LTR_LETTER = /(?![\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF])\p{L}/u;

const FSI = '\u2068';
const PDI = '\u2069';

/**
 * A value going into a translated sentence (a title, a name) is wrapped in Unicode first-strong
 * isolates when it holds letters of the other direction than the sentence: a French title in an
 * Arabic sentence keeps its own order and leaves the guillemets and punctuation where the sentence
 * put them; an Arabic name in a French sentence likewise. Numbers and same-direction text are left
 * as they are, and a value that is already isolated is not wrapped twice.
 */
export function isolateOppositeDirection(value: string, sentenceDirection: 'ltr' | 'rtl'): string {
  if (value.startsWith(FSI) && value.endsWith(PDI)) return value;
  const opposite = sentenceDirection === 'rtl' ? LTR_LETTER : RTL_LETTER;
  return opposite.test(value) ? `${FSI}${value}${PDI}` : value;
}
