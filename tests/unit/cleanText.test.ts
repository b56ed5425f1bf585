import { describe, expect, it } from 'vitest';
import { cleanText } from '@dalil/shared';

describe('cleanText: the one cleaning of titles, names and comment bodies', () => {
  it('normalises to NFC', () => {
    expect(cleanText('Cafe\u0301')).toBe('Café');
    expect(cleanText('Cafe\u0301')!.length).toBe(4);
  });
  it('removes control characters, NUL and BEL included', () => {
    expect(cleanText('Ka\u0000ri\u0007m\u001b[31m')).toBe('Karim[31m');
    expect(cleanText('a\u0085b\u009bc')).toBe('abc');
  });
  it('removes bidi embeddings, overrides and isolates, keeps direction marks', () => {
    expect(cleanText('Sami\u202E')).toBe('Sami');
    expect(cleanText('\u2067Leila\u2069 \u202Dx\u202C')).toBe('Leila x');
    expect(cleanText('دليل\u200F (2026)')).toBe('دليل\u200F (2026)');
  });
  it('removes lone surrogates and keeps real pairs', () => {
    expect(cleanText('a\uD800b\uDC00c')).toBe('abc');
    expect(cleanText('ok 😀')).toBe('ok 😀');
  });
  it('keeps the joiners Arabic and emoji need', () => {
    expect(cleanText('👩\u200D💻 می\u200Cخواهم')).toBe('👩\u200D💻 می\u200Cخواهم');
  });
  it('folds whitespace on one line; keeps line breaks in multi-line text', () => {
    expect(cleanText('  Chapitre \t 1\n suite ')).toBe('Chapitre 1 suite');
    expect(cleanText('ligne 1\r\nligne 2  \n\n ligne 3', { multiline: true })).toBe('ligne 1\nligne 2\n\n ligne 3');
  });
  it('refuses what is empty once stripped: invisible-only, control-only, marks-only', () => {
    for (const empty of ['', '   ', '\u0000\u0007', '\u202E\u2066', '\u200B\uFEFF', '\u200E\u200F', '\u200D', '\u0301', '\uD800']) {
      expect(cleanText(empty), JSON.stringify(empty)).toBeNull();
    }
  });
});
