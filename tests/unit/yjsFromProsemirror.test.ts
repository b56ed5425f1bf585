import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Node } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { importSchema } from '@dalil/server/import/importSchema.ts';
import { fillYFragment } from '@dalil/server/import/yjsFromProsemirror.ts';
import { sectionUpdate } from '@dalil/server/import/sectionDocument.ts';
import { importLimits } from '@dalil/server/import/importLimits.ts';
import { planImport } from '@dalil/server/import/importPlan.ts';
import type { ImageSink } from '@dalil/server/import/convertDocx.ts';
import { largeGuideDocx, referenceDocx } from '../helpers/docxFixtures.ts';

/** Everything a Y.XmlFragment holds: element names, attributes, text runs with their formatting. */
function dump(type: Y.XmlFragment | Y.XmlElement | Y.XmlText): unknown {
  if (type instanceof Y.XmlText) return { delta: type.toDelta() };
  return {
    name: type instanceof Y.XmlElement ? type.nodeName : '#fragment',
    attrs: type instanceof Y.XmlElement ? Object.entries(type.getAttributes()).sort(([a], [b]) => a.localeCompare(b)) : [],
    children: type.toArray().map((child) => dump(child as Y.XmlElement | Y.XmlText)),
  };
}

/** The fragment both ways (y-prosemirror's and ours), each in a document of its own, as stored. */
function both(doc: Node): { reference: unknown; ours: unknown; ourJson: unknown; referenceJson: unknown } {
  const reference = new Y.Doc();
  prosemirrorToYXmlFragment(doc, reference.getXmlFragment('default'));
  const ours = new Y.Doc();
  fillYFragment(ours.getXmlFragment('default'), doc);
  // Through an encoded update, as the documents are written and read back.
  const reloaded = new Y.Doc();
  Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(ours));
  return {
    reference: dump(reference.getXmlFragment('default')),
    ours: dump(reloaded.getXmlFragment('default')),
    ourJson: yXmlFragmentToProsemirrorJSON(reloaded.getXmlFragment('default')),
    referenceJson: yXmlFragmentToProsemirrorJSON(reference.getXmlFragment('default')),
  };
}

const text = (value: string, marks?: Array<{ type: string; attrs?: Record<string, unknown> }>) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });

describe('section documents built directly as Yjs types', () => {
  it('hold exactly what y-prosemirror builds: attributes, runs of marked text, nested blocks, figures, notes', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Titre '), text('gras', [{ type: 'bold' }])] },
        {
          type: 'paragraph',
          attrs: { dir: 'rtl' },
          content: [
            text('a'),
            text('b', [{ type: 'bold' }, { type: 'italic' }]),
            text('lien', [{ type: 'link', attrs: { href: 'https://example.org' } }]),
            { type: 'hardBreak' },
            text('après'),
            { type: 'footnote', attrs: { text: 'une note' } },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('un')] }, { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] }] },
        { type: 'table', attrs: { caption: 'Tableau 1' }, content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [{ type: 'paragraph', content: [text('h')] }] }] }] },
        { type: 'figure', attrs: { imageId: 'a'.repeat(64), src: '/x', alt: 'une image', credit: null } },
        { type: 'callout', attrs: { kind: 'goodPractice' }, content: [{ type: 'paragraph', content: [text('encadré', [{ type: 'underline' }])] }] },
        { type: 'paragraph' },
      ],
    };
    const doc = Node.fromJSON(importSchema(), json);
    const { reference, ours, ourJson, referenceJson } = both(doc);
    expect(ours).toEqual(reference);
    // Read back as the editor reads a section: the same document, text, marks and attributes.
    expect(ourJson).toEqual(referenceJson);
    expect(JSON.stringify(ourJson)).toContain('"href":"https://example.org"');
  });

  it('leave a document with a self-overlapping mark (a comment) to y-prosemirror, whose attribute key hashes the mark', () => {
    const doc = Node.fromJSON(importSchema(), {
      type: 'doc',
      content: [{ type: 'paragraph', content: [text('vu', [{ type: 'bold' }]), text('commenté', [{ type: 'comment', attrs: { threadId: 't1' } }])] }],
    });
    const { reference, ours } = both(doc);
    expect(JSON.stringify(ours)).toContain('comment--');
    expect(ours).toEqual(reference);
  });

  it('give every section of the bench file and of the reference file the document y-prosemirror gave', async () => {
    const sink: ImageSink<null> = {
      prepare: async () => ({ prepared: null }),
      commit: async (prepared) => prepared.map((_, i) => ({ src: `/api/guides/g1/images/${String(i).padStart(64, '0')}`, imageId: String(i).padStart(64, '0') })),
    };
    let sections = 0;
    for (const file of [await largeGuideDocx(), await referenceDocx()]) {
      const plan = await planImport({ bytes: file, fileName: 'x.docx', splitLevel: 2 }, importLimits(100 * 1024 * 1024), sink);
      for (const section of plan.sections) {
        const doc = Node.fromJSON(importSchema(), { type: 'doc', content: section.content.length > 0 ? section.content : [{ type: 'paragraph' }] });
        const reference = new Y.Doc();
        prosemirrorToYXmlFragment(doc, reference.getXmlFragment('default'));
        const stored = new Y.Doc();
        Y.applyUpdate(stored, sectionUpdate(section.content));
        expect(dump(stored.getXmlFragment('default'))).toEqual(dump(reference.getXmlFragment('default')));
        sections += 1;
      }
    }
    expect(sections).toBeGreaterThan(50);
  });
});
