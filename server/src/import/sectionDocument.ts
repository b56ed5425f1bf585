import * as Y from 'yjs';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { SECTION_FRAGMENT } from '@dalil/shared';
import type { JsonNode } from './convertDocx.ts';
import { importSchema } from './importSchema.ts';

/** The Yjs state of a new section document holding `blocks`. */
export function sectionUpdate(blocks: JsonNode[]): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(importSchema(), docOf(blocks), SECTION_FRAGMENT);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/**
 * Appends `blocks` to a section's live document (call inside the registry's server edit, which
 * makes it one transaction every open editor receives). A document holding only an empty
 * paragraph (a section nobody wrote in yet) is replaced rather than followed.
 */
export function appendBlocks(doc: Y.Doc, blocks: JsonNode[]): void {
  if (blocks.length === 0) return;
  const source = prosemirrorJSONToYDoc(importSchema(), docOf(blocks), SECTION_FRAGMENT);
  try {
    const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
    if (fragment.length === 1) {
      const only = fragment.get(0);
      if (only instanceof Y.XmlElement && only.nodeName === 'paragraph' && only.length === 0) fragment.delete(0, 1);
    }
    const copies = source.getXmlFragment(SECTION_FRAGMENT).toArray().map((node) => (node as Y.XmlElement | Y.XmlText).clone());
    fragment.insert(fragment.length, copies);
  } finally {
    source.destroy();
  }
}

const docOf = (blocks: JsonNode[]) => ({ type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] });
