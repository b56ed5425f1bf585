import { describe, expect, it } from 'vitest';
import { sectionNumbers, numberContent, countNumbered, type LayoutNode } from '@dalil/shared/editor';

const toc = [
  { id: 'intro', parentId: null, position: 0 },
  { id: 'a', parentId: null, position: 1 },
  { id: 'a1', parentId: 'a', position: 0 },
  { id: 'a2', parentId: 'a', position: 1 },
  { id: 'a2x', parentId: 'a2', position: 0 },
  { id: 'b', parentId: null, position: 2 },
  { id: 'intro-sub', parentId: 'intro', position: 0 },
];

describe('section numbers', () => {
  it('numbers chapters and sections from the structure', () => {
    const numbers = sectionNumbers(toc, { enabled: true });
    expect(Object.fromEntries(numbers)).toEqual({ intro: '1', 'intro-sub': '1.1', a: '2', a1: '2.1', a2: '2.2', a2x: '2.2.1', b: '3' });
  });

  it('leaves front matter (and its sub-sections) unnumbered without taking a number', () => {
    const numbers = sectionNumbers(toc, { enabled: true, unnumberedSectionIds: ['intro'] });
    expect(Object.fromEntries(numbers)).toEqual({ a: '1', a1: '1.1', a2: '1.2', a2x: '1.2.1', b: '2' });
  });

  it('gives nothing when numbering is off', () => {
    expect(sectionNumbers(toc, { enabled: false }).size).toBe(0);
  });

  it('follows a move', () => {
    const moved = toc.map((n) => (n.id === 'b' ? { ...n, position: 0 } : n.id === 'intro' ? { ...n, position: 1 } : n.id === 'a' ? { ...n, position: 2 } : n));
    expect(sectionNumbers(moved, { enabled: true }).get('a2x')).toBe('3.2.1');
  });
});

const fig = { type: 'figure', attrs: { src: '/api/x' } };
const table = { type: 'table', content: [] };
const note = { type: 'footnote', attrs: { text: 'n' } };

describe('figure, table and footnote numbers', () => {
  it('runs across sections in reading order, including inside boxes and tables', () => {
    const s1: LayoutNode = { type: 'doc', content: [fig, { type: 'paragraph', content: [note] }, { type: 'callout', content: [table, fig] }] };
    const s2: LayoutNode = { type: 'doc', content: [table, { type: 'paragraph', content: [note, note] }, fig] };
    expect(countNumbered(s1)).toEqual({ figure: 2, table: 1, footnote: 1 });
    const numbers = numberContent([{ id: 's1', doc: s1 }, { id: 's2', doc: s2 }]);
    expect(numbers.get('s2')).toEqual({ offset: { figure: 2, table: 1, footnote: 1 }, figure: [3], table: [2], footnote: [2, 3] });
  });

  it('accepts counts alone for earlier sections', () => {
    const numbers = numberContent([{ id: 's1', counts: { figure: 4, table: 0, footnote: 2 } }, { id: 's2', doc: { type: 'doc', content: [fig] } }]);
    expect(numbers.get('s2')?.figure).toEqual([5]);
    expect(numbers.get('s1')?.footnote).toEqual([1, 2]);
  });
});
