import * as Y from 'yjs';
import { SECTION_FRAGMENT, decodeAnchorPosition, markSegments, resolveRange, segmentsText, unmarkThread, type ThreadAnchorBody } from '@dalil/shared';
import { badRequest, Conflict } from '../domain/errors.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';

/** How long to wait for the edits an anchor refers to, when the REST call overtook them. */
const WAIT_FOR_TEXT_MS = 3000;

/**
 * Puts a new thread's mark on the anchored text, in the section's live document, and returns the
 * quote. The anchor was computed by a client that may have typed the text a moment ago: when the
 * server does not have those characters yet, wait for them (bounded) instead of failing.
 */
export async function anchorThread(
  live: LiveDocuments,
  guideId: string,
  docName: string,
  threadId: string,
  anchor: ThreadAnchorBody,
): Promise<string> {
  const start = decodeAnchorPosition(anchor.start);
  const end = decodeAnchorPosition(anchor.end);
  if (!start || !end) throw badRequest('anchor positions are not valid Yjs relative positions');
  const deadline = Date.now() + WAIT_FOR_TEXT_MS;
  for (let attempt = 0; attempt < 100; attempt++) {
    const outcome = await live.editSection(guideId, docName, (doc) => {
      const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
      const segments = resolveRange(fragment, start, end);
      if (segments === null) return null;
      const quote = segmentsText(segments);
      if (!quote.trim()) return '';
      markSegments(segments, threadId);
      return quote;
    });
    if (outcome === '') throw badRequest('the anchor holds no text: select the words to comment on');
    if (outcome !== null) return outcome;
    const left = deadline - Date.now();
    if (left <= 0) break;
    await live.nextSectionChange(docName, left);
  }
  throw new Conflict('anchor_unknown', 'the anchored text is not on the server yet; retry once your edits are saved');
}

/** Removes a deleted thread's marks, so its highlight disappears for everyone. */
export function unanchorThread(live: LiveDocuments, guideId: string, docName: string, threadId: string): Promise<void> {
  return live.editSection(guideId, docName, (doc: Y.Doc) => unmarkThread(doc.getXmlFragment(SECTION_FRAGMENT), threadId));
}
