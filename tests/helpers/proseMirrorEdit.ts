import * as Y from 'yjs';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { sectionSchema } from '@dalil/shared/editor';

/** A section's content as the editor sees it (a ProseMirror document). */
export function sectionAsProseMirror(doc: Y.Doc): PMNode {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(SECTION_FRAGMENT), sectionSchema());
}

/**
 * Edits a section the way the browser editor does: a ProseMirror transform on the current content,
 * written back through the same binding code (@tiptap/y-tiptap) the editor runs. Used for edits a
 * raw Yjs client cannot express like the editor does, such as splitting and joining paragraphs.
 */
export function editAsProseMirror(doc: Y.Doc, edit: (tr: Transform) => void): void {
  const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
  const tr = new Transform(sectionAsProseMirror(doc));
  edit(tr);
  doc.transact(() => updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }));
}

/** ProseMirror position just before the first occurrence of `needle` in the document's text. */
export function positionOf(node: PMNode, needle: string): number {
  let found = -1;
  node.descendants((child, pos) => {
    if (found >= 0) return false;
    if (child.isText && child.text) {
      const at = child.text.indexOf(needle);
      if (at >= 0) found = pos + at;
    }
    return true;
  });
  if (found < 0) throw new Error(`"${needle}" not found in the document`);
  return found;
}
