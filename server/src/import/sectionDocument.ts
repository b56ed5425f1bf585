import * as Y from 'yjs';
import { Node } from '@tiptap/pm/model';
import { SECTION_FRAGMENT } from '@dalil/shared';
import type { DocStore } from '../storage/docStore.ts';
import type { JsonNode } from './convertDocx.ts';
import { importSchema } from './importSchema.ts';
import { fillYFragment } from './yjsFromProsemirror.ts';

/** The Yjs state of a new section document holding `blocks`. */
export function sectionUpdate(blocks: JsonNode[]): Uint8Array {
  const ydoc = yDocOf(blocks);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/**
 * Writes new sections' documents: in one batch when the store can (`createMany`: one fsync of the
 * directory for all), otherwise side by side, each write starting as soon as its Yjs state is
 * encoded, the event loop turning between two encodings so that the disk works on the first
 * documents while the next ones are encoded. Resolves after every write has settled (so that a
 * rollback never races a write still under way), rejecting with the first failure.
 */
export async function writeSectionDocuments(docStore: Pick<DocStore, 'compact' | 'createMany'>, documents: Array<[docName: string, blocks: JsonNode[]]>): Promise<void> {
  // A store that writes new documents in one batch (files: one fsync of the directory for all).
  if (docStore.createMany) {
    await docStore.createMany(documents.map(([name, blocks]) => [name, sectionUpdate(blocks)]));
    return;
  }
  // Each write's failure is caught at once (a rejection left unhandled across a turn of the
  // event loop would stop the process) and the first one is thrown once all have settled.
  const writes: Array<Promise<{ failed: unknown } | null>> = [];
  let failure: { failed: unknown } | null = null;
  for (const [name, blocks] of documents) {
    try {
      writes.push(docStore.compact(name, sectionUpdate(blocks)).then(() => null, (failed: unknown) => ({ failed })));
    } catch (failed) {
      failure = { failed };
      break;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const outcomes = await Promise.all(writes);
  failure ??= outcomes.find((o) => o !== null) ?? null;
  if (failure) throw failure.failed;
}

/**
 * Appends `blocks` to a section's live document (call inside the registry's server edit, which
 * makes it one transaction every open editor receives). A document holding only an empty
 * paragraph (a section nobody wrote in yet) is replaced rather than followed.
 */
export function appendBlocks(doc: Y.Doc, blocks: JsonNode[]): void {
  if (blocks.length === 0) return;
  const source = yDocOf(blocks);
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

/**
 * A Y.Doc holding `blocks` in the section fragment. Its guid is given: Y.Doc's default, a random
 * UUID drawn one hex digit at a time from the crypto RNG, cost more than building the document's
 * types (50 sections: ≈ 12 ms); the guid is never encoded in an update.
 */
function yDocOf(blocks: JsonNode[]): Y.Doc {
  const ydoc = new Y.Doc({ guid: 'import' });
  fillYFragment(ydoc.getXmlFragment(SECTION_FRAGMENT), Node.fromJSON(importSchema(), docOf(blocks)));
  return ydoc;
}

const docOf = (blocks: JsonNode[]) => ({ type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] });
