import * as Y from 'yjs';
import type { Mark, Node } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment } from '@tiptap/y-tiptap';

/**
 * Fills an empty Y.XmlFragment with a ProseMirror document, building the Yjs types directly: the
 * same types y-prosemirror's `prosemirrorToYXmlFragment` builds (an element per node with its
 * non-null attributes, one text per run of text nodes with each mark as a formatting attribute
 * holding its attrs), without its diff against the empty fragment, its node mapping and its
 * equality checks, which cost more than the building itself (an import writes 50 documents).
 * A document with a mark that may overlap itself (comments, whose attribute key is a hash of the
 * mark) goes through y-prosemirror itself: an import never brings one, and the key must match
 * y-prosemirror's exactly.
 */
export function fillYFragment(fragment: Y.XmlFragment, doc: Node): void {
  let children: Array<Y.XmlElement | Y.XmlText>;
  try {
    children = childTypes(doc);
  } catch (err) {
    if (!(err instanceof OverlappingMark)) throw err;
    prosemirrorToYXmlFragment(doc, fragment);
    return;
  }
  const insert = () => fragment.insert(fragment.length, children);
  if (fragment.doc) fragment.doc.transact(insert);
  else insert();
}

function childTypes(node: Node): Array<Y.XmlElement | Y.XmlText> {
  const out: Array<Y.XmlElement | Y.XmlText> = [];
  let texts: Node[] = [];
  node.forEach((child) => {
    if (child.isText) {
      texts.push(child);
      return;
    }
    if (texts.length > 0) {
      out.push(textType(texts));
      texts = [];
    }
    out.push(elementType(child));
  });
  if (texts.length > 0) out.push(textType(texts));
  return out;
}

function elementType(node: Node): Y.XmlElement {
  const type = new Y.XmlElement(node.type.name);
  for (const key in node.attrs) {
    const value: unknown = node.attrs[key];
    if (value !== null && key !== 'ychange') type.setAttribute(key, value as string);
  }
  type.insert(0, childTypes(node));
  return type;
}

function textType(nodes: Node[]): Y.XmlText {
  const type = new Y.XmlText();
  type.applyDelta(nodes.map((n) => ({ insert: n.text!, attributes: markAttributes(n.marks) })));
  return type;
}

function markAttributes(marks: readonly Mark[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const mark of marks) {
    if (mark.type.name === 'ychange') continue;
    if (!mark.type.excludes(mark.type)) throw new OverlappingMark();
    attributes[mark.type.name] = mark.attrs;
  }
  return attributes;
}

/** Met a mark y-prosemirror keys by a hash of itself (the types built so far are dropped, never inserted). */
class OverlappingMark extends Error {}
