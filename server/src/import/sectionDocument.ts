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
 * Writes new sections' documents, once `ready` has resolved (an import's journal must name them
 * first; it is written while they are encoded). In one batch when the store can (`createMany`:
 * one fsync of the directory for all), otherwise side by side; either way each write starts as
 * soon as its Yjs state is encoded and the journal is written. The event loop turns between two encodings, so that writes under way
 * (the journal, an import's images, the first documents) go on meanwhile. Resolves after every
 * write has settled (so that a rollback never races a write still under way), rejecting with the
 * first failure (`ready`'s included).
 */
export async function writeSectionDocuments(
  docStore: Pick<DocStore, 'compact' | 'createMany'>,
  documents: Array<[docName: string, blocks: JsonNode[]]>,
  ready: Promise<unknown> = Promise.resolve(),
): Promise<void> {
  // Each failure is caught at once (a rejection left unhandled across a turn of the event loop
  // would stop the process) and the first one is thrown once all have settled.
  const readiness = ready.then(() => null, (failed: unknown) => ({ failed }));
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  if (docStore.createMany) {
    await docStore.createMany(statesOnceReady(documents, readiness, turn));
    return;
  }
  const writes: Array<Promise<{ failed: unknown } | null>> = [];
  let failure: { failed: unknown } | null = null;
  for (const [name, blocks] of documents) {
    try {
      const state = sectionUpdate(blocks);
      writes.push(readiness.then((notReady) => (notReady ? notReady : docStore.compact(name, state).then(() => null, (failed: unknown) => ({ failed })))));
    } catch (failed) {
      failure = { failed };
      break;
    }
    await turn();
  }
  const outcomes = await Promise.all(writes);
  failure ??= (await readiness) ?? outcomes.find((o) => o !== null) ?? null;
  if (failure) throw failure.failed;
}

/**
 * The documents' states as they are encoded, the first ones held until `readiness` says the
 * journal names them (it is written while they are encoded).
 */
async function* statesOnceReady(
  documents: Array<[docName: string, blocks: JsonNode[]]>,
  readiness: Promise<{ failed: unknown } | null>,
  turn: () => Promise<void>,
): AsyncGenerator<[string, Uint8Array]> {
  let ready: { failed: unknown } | null | undefined;
  void readiness.then((outcome) => (ready = outcome));
  const held: Array<[string, Uint8Array]> = [];
  for (const [name, blocks] of documents) {
    held.push([name, sectionUpdate(blocks)]);
    await turn();
    if (ready === undefined) continue;
    if (ready) throw ready.failed;
    yield* held.splice(0);
  }
  const outcome = await readiness;
  if (outcome) throw outcome.failed;
  yield* held;
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
