import { describe, expect, it } from 'vitest';
import { writeHtml } from '@dalil/server/export/htmlWriter.ts';
import type { ExportDocument } from '@dalil/server/export/exportDocument.ts';
import type { LayoutNode } from '@dalil/shared/editor';

const para = (text: string, dir = 'auto'): LayoutNode => ({ type: 'paragraph', attrs: { dir }, content: [{ type: 'text', text }] });
const item = (text: string): LayoutNode => ({ type: 'listItem', content: [para(text)] });
const ARABIC = 'تنشر البلدية قراراتها';

function frenchGuide(content: LayoutNode[]): ExportDocument {
  return {
    guideId: 'g1',
    title: 'Guide',
    language: 'fr',
    date: '2026-12-01',
    versionLabel: null,
    provisional: true,
    sections: [{ id: 's1', title: 'Chapitre', depth: 0, number: '1', status: 'draft', content: { type: 'doc', content } }],
    unvalidated: [{ number: '2', title: 'الفصل الثاني' }],
    images: new Map(),
  };
}

describe('HTML export: lists written the other way than the guide', () => {
  it('lays an Arabic list of a French guide out right to left, leaves French and mixed lists as they are', () => {
    const html = writeHtml(
      frenchGuide([
        { type: 'bulletList', content: [item(ARABIC), item('ويجيب عن الأسئلة')] },
        { type: 'orderedList', content: [item('Publier'), item('Expliquer')] },
        { type: 'bulletList', content: [item('Publier'), item(ARABIC)] },
      ]),
    );
    expect(html).toContain('<ul dir="rtl"><li><p dir="rtl">');
    expect(html).toContain('<ol><li><p>Publier');
    expect(html).toMatch(/<ul><li><p>Publier<\/p><\/li>\s*<li><p dir="rtl">/);
  });

  it('puts the marker of an entry written the other way (annex, notes) inside its line', () => {
    const html = writeHtml(frenchGuide([para('Texte.')]));
    expect(html).toContain('<li dir="rtl">2  الفصل الثاني</li>');
    expect(html).toMatch(/li\[dir\] \{ list-style-position: inside; \}/);
  });
});

describe('HTML export: how an ordered list numbers', () => {
  it('keeps letters and Roman numerals (the PDF is printed from this HTML), numbers when none is said', () => {
    const html = writeHtml(
      frenchGuide([
        { type: 'orderedList', attrs: { start: 1, type: 'a' }, content: [item('Par affichage')] },
        { type: 'orderedList', attrs: { start: 1, type: 'I' }, content: [item('Au siège')] },
        { type: 'orderedList', attrs: { start: 1, type: '1" onload="x' }, content: [item('Sur le site')] },
      ]),
    );
    expect(html).toContain('<ol type="a"><li><p>Par affichage');
    expect(html).toContain('<ol type="I"><li><p>Au siège');
    expect(html).toContain('<ol><li><p>Sur le site');
  });
});
