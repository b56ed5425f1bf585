import { describe, expect, it } from 'vitest';
import { isolateOppositeDirection } from '@dalil/shared/i18n';

const isolated = (s: string) => `\u2068${s}\u2069`;

describe('isolating names and titles of the other direction in translated sentences', () => {
  it('wraps Latin text in an Arabic sentence and Arabic text in a French one, and nothing else', () => {
    expect(isolateOppositeDirection('Le budget participatif', 'rtl')).toBe(isolated('Le budget participatif'));
    expect(isolateOppositeDirection('الميزانية التشاركية', 'ltr')).toBe(isolated('الميزانية التشاركية'));
    expect(isolateOppositeDirection('Le budget participatif', 'ltr')).toBe('Le budget participatif');
    expect(isolateOppositeDirection('الميزانية التشاركية', 'rtl')).toBe('الميزانية التشاركية');
    // numbers and Arabic-script dates are not embedded text
    expect(isolateOppositeDirection('12', 'rtl')).toBe('12');
    expect(isolateOppositeDirection('2026/12/15', 'ltr')).toBe('2026/12/15');
    // a mixed title is isolated in both directions; an isolated value is not wrapped twice
    expect(isolateOppositeDirection('Guide دليل', 'ltr')).toBe(isolated('Guide دليل'));
    expect(isolateOppositeDirection(isolated('Guide'), 'rtl')).toBe(isolated('Guide'));
  });

});
