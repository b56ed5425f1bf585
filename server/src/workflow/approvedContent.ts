import * as Y from 'yjs';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { fragmentText, layoutJson } from '@dalil/shared/editor';
import type { ApprovedContent } from '../storage/snapshotStore.ts';

/** Text blocks of a section's content, as compared between versions. */
export function blocksOf(doc: Y.Doc): string[] {
  const text = fragmentText(doc.getXmlFragment(SECTION_FRAGMENT));
  return text === '' ? [] : text.split('\n');
}

/** What a validation stores, from the document's full state. */
export function approvedContent(update: Uint8Array): ApprovedContent {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return { update, blocks: blocksOf(doc), layout: layoutJson(doc.getXmlFragment(SECTION_FRAGMENT)) };
  } finally {
    doc.destroy();
  }
}

/** The current text blocks of a document state. */
export function currentBlocks(update: Uint8Array): string[] {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, update);
    return blocksOf(doc);
  } finally {
    doc.destroy();
  }
}
