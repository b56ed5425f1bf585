import { describe, expect, it } from 'vitest';
import { sectionSchema, EDITOR_SCHEMA_VERSION, missingAltFigures, type LayoutNode } from '@dalil/shared/editor';

const doc: LayoutNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Titre' }] },
    {
      type: 'table',
      attrs: { caption: 'Indicateurs' },
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Commune' }] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1 }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Kairouan' }] }] }] },
      ],
    },
    { type: 'figure', attrs: { imageId: 'img1', src: '/api/guides/g/images/img1', alt: 'Réunion', credit: 'Photo : CILG', size: 'half' }, content: [{ type: 'text', text: 'Une réunion publique' }] },
    {
      type: 'callout',
      attrs: { kind: 'caseStudy', place: 'Tozeur', actors: 'Commune, CSO', period: '2022' },
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Le cas' }, { type: 'footnote', attrs: { text: 'Source : loi 2018-29' } }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'un point' }] }] }] },
      ],
    },
  ],
};

describe('document schema', () => {
  it('is version 2 and reads every new node with its attributes', () => {
    expect(EDITOR_SCHEMA_VERSION).toBe(2);
    const node = sectionSchema().nodeFromJSON(doc);
    node.check();
    const json = node.toJSON() as LayoutNode;
    expect(json.content?.[1]?.attrs?.caption).toBe('Indicateurs');
    expect(json.content?.[2]?.attrs).toMatchObject({ imageId: 'img1', alt: 'Réunion', credit: 'Photo : CILG', size: 'half' });
    expect(json.content?.[3]?.attrs).toMatchObject({ kind: 'caseStudy', place: 'Tozeur' });
    expect(json.content?.[3]?.content?.[0]?.content?.[1]).toEqual({ type: 'footnote', attrs: { text: 'Source : loi 2018-29' } });
  });

  it('still reads a version-1 document unchanged', () => {
    const v1: LayoutNode = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Ancien', marks: [{ type: 'bold' }] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cité' }] }] },
      ],
    };
    const node = sectionSchema().nodeFromJSON(v1);
    node.check();
    expect(node.toJSON()).toEqual(v1);
  });

  it('refuses a callout inside a callout (boxes do not nest)', () => {
    const nested: LayoutNode = { type: 'doc', content: [{ type: 'callout', attrs: { kind: 'reflex' }, content: [{ type: 'callout', content: [{ type: 'paragraph' }] }] }] };
    expect(() => sectionSchema().nodeFromJSON(nested).check()).toThrow();
  });

  it('lists figures without alt text or without an uploaded image', () => {
    const figures: LayoutNode = {
      type: 'doc',
      content: [
        { type: 'figure', attrs: { src: '/api/guides/g/images/a', alt: 'ok' } },
        { type: 'figure', attrs: { src: '/api/guides/g/images/b', alt: '  ' } },
        { type: 'callout', content: [{ type: 'figure', attrs: { src: null, alt: 'placeholder', missing: 'image.emf' } }] },
      ],
    };
    expect(missingAltFigures(figures)).toEqual([2, 3]);
  });
});
