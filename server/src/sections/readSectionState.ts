import * as Y from 'yjs';
import type { User } from '@dalil/shared';
import { notFound } from '../domain/errors.ts';
import type { SectionDeps } from './sectionDeps.ts';

/**
 * A section's whole document as one Yjs update, for whoever may read the guide (as its socket
 * would send it). A page opening a section fetches it alongside its code (preloaded from the HTML),
 * so the text is there when the editor mounts instead of one socket handshake and sync later; the
 * socket then only exchanges what changed since. On a 300 ms mobile link that handshake was the
 * last step before a cold deep link showed its text.
 */
export async function readSectionState(deps: SectionDeps, user: User | null | undefined, at: { guideId: string; sectionId: string }): Promise<Uint8Array> {
  deps.access.authorize(user, at.guideId, 'guide.read');
  const section = deps.guides.getSection(at.guideId, at.sectionId);
  if (section.deletedAt !== null) throw notFound('section');
  return deps.live.readSection(at.guideId, section.docName, (doc) => Y.encodeStateAsUpdate(doc));
}
