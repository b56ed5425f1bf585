import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT, anchoredText, commentAttributeKey, markSegments, resolveRange, segmentsText, unmarkThread } from '@dalil/shared';
import { sectionSchema } from '@dalil/shared/editor';
import { editAsProseMirror, sectionAsProseMirror } from '../helpers/proseMirrorEdit.ts';

const paragraph = (text: string, marks?: Array<{ from: number; to: number; threadId: string }>) => {
  if (!marks) return { type: 'paragraph', content: [{ type: 'text', text }] };
  // one text node per run of identical marks
  const cuts = [...new Set([0, text.length, ...marks.flatMap((m) => [m.from, m.to])])].sort((a, b) => a - b);
  const content = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i]!, cuts[i + 1]!];
    const active = marks.filter((m) => m.from <= from && m.to >= to);
    content.push({ type: 'text', text: text.slice(from, to), ...(active.length ? { marks: active.map((m) => ({ type: 'comment', attrs: { threadId: m.threadId } })) } : {}) });
  }
  return { type: 'paragraph', content };
};

function textRuns(doc: Y.Doc): Array<{ insert: string; attributes?: Record<string, unknown> }> {
  const first = doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement;
  return (first.get(0) as Y.XmlText).toDelta();
}

describe('comment marks: the server writes what the editor binding reads and writes', () => {
  it('uses the Yjs formatting key the editor binding uses for a comment mark', () => {
    const doc = prosemirrorJSONToYDoc(sectionSchema(), { type: 'doc', content: [paragraph('La commune publie son budget.', [{ from: 3, to: 10, threadId: 't1' }])] }, SECTION_FRAGMENT);
    const marked = textRuns(doc).find((run) => run.attributes);
    expect(marked?.insert).toBe('commune');
    expect(Object.keys(marked!.attributes!)).toEqual([commentAttributeKey('t1')]);
  });

  it('keeps two overlapping threads, each with its own range, through the binding', () => {
    const doc = prosemirrorJSONToYDoc(sectionSchema(), { type: 'doc', content: [paragraph('Le conseil municipal vote le budget participatif.')] }, SECTION_FRAGMENT);
    const text = (doc.getXmlFragment(SECTION_FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const range = (from: number, to: number) =>
      resolveRange(doc.getXmlFragment(SECTION_FRAGMENT), Y.createRelativePositionFromTypeIndex(text, from), Y.createRelativePositionFromTypeIndex(text, to))!;
    doc.transact(() => {
      markSegments(range(3, 20), 'a'); // "conseil municipal"
      markSegments(range(11, 28), 'b'); // "municipal vote le"
    });
    expect(Object.fromEntries(anchoredText(doc.getXmlFragment(SECTION_FRAGMENT)))).toEqual({ a: 'conseil municipal', b: 'municipal vote le' });

    // The editor reads both marks...
    const pm = sectionAsProseMirror(doc);
    const threadsOnMunicipal = new Set<string>();
    pm.descendants((node) => {
      if (node.isText && node.text === 'municipal') for (const mark of node.marks) threadsOnMunicipal.add(mark.attrs.threadId as string);
    });
    expect([...threadsOnMunicipal].sort()).toEqual(['a', 'b']);

    // ...and writing its own view back changes nothing (no churn of formatting keys).
    const before = Y.encodeStateVector(doc);
    editAsProseMirror(doc, () => undefined);
    expect(Y.encodeStateVector(doc)).toEqual(before);

    // An edit elsewhere in the paragraph keeps both ranges.
    editAsProseMirror(doc, (tr) => tr.insert(1, sectionSchema().text('Aujourd’hui, ')));
    expect(Object.fromEntries(anchoredText(doc.getXmlFragment(SECTION_FRAGMENT)))).toEqual({ a: 'conseil municipal', b: 'municipal vote le' });

    doc.transact(() => unmarkThread(doc.getXmlFragment(SECTION_FRAGMENT), 'a'));
    expect(Object.fromEntries(anchoredText(doc.getXmlFragment(SECTION_FRAGMENT)))).toEqual({ b: 'municipal vote le' });
  });

  it('resolves a range across paragraphs and reports an empty range as nothing', () => {
    const doc = prosemirrorJSONToYDoc(sectionSchema(), { type: 'doc', content: [paragraph('Premier paragraphe.'), paragraph('Second paragraphe.')] }, SECTION_FRAGMENT);
    const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
    const t1 = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const t2 = (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText;
    const across = resolveRange(fragment, Y.createRelativePositionFromTypeIndex(t1, 8), Y.createRelativePositionFromTypeIndex(t2, 6))!;
    expect(segmentsText(across)).toBe('paragraphe.\nSecond');
    const reversed = resolveRange(fragment, Y.createRelativePositionFromTypeIndex(t2, 6), Y.createRelativePositionFromTypeIndex(t1, 8));
    expect(reversed).toEqual([]);
    const collapsed = resolveRange(fragment, Y.createRelativePositionFromTypeIndex(t1, 4), Y.createRelativePositionFromTypeIndex(t1, 4));
    expect(collapsed).toEqual([]);
  });
});
