import * as Y from 'yjs';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { fragmentText, layoutJson } from '@dalil/shared/editor';
import type { ApprovedContent } from '../storage/snapshotStore.ts';

/** Text blocks of a section's content, as compared between versions. */
export function blocksOf(doc: Y.Doc): string[] {
  const text = fragmentText(doc.getXmlFragment(SECTION_FRAGMENT));
  return text === '' ? [] : text.split('\n');
}

/** What a validation stores: the document's full state, its text blocks and its layout version. */
export function approvedContent(doc: Y.Doc): ApprovedContent {
  return { update: Y.encodeStateAsUpdate(doc), blocks: blocksOf(doc), layout: layoutJson(doc.getXmlFragment(SECTION_FRAGMENT)) };
}
