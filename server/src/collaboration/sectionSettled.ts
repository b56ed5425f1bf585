import type * as Y from 'yjs';
import { anchoredText, SECTION_FRAGMENT } from '@dalil/shared';
import { countNumbered, countWords, fragmentText, layoutJson } from '@dalil/shared/editor';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { ThreadRepository } from '../storage/threadRepository.ts';
import type { GuideAnnouncements } from './guideAnnouncements.ts';

export interface SectionSettledDeps {
  guides: GuideRepository;
  threads: ThreadRepository;
  announcements: GuideAnnouncements;
  log: { warn(obj: object, msg: string): void };
}

/**
 * What happens when a section's edits pause (and when it leaves memory): its word count, last
 * edit and numbered items (figures, tables...) are recorded, and threads whose text is all gone
 * become detached. Each is announced to the guide room only when it changed. Never on every
 * keystroke: RoomRegistry calls this through each room's settle timer.
 */
export function sectionSettled(deps: SectionSettledDeps) {
  return (name: string, doc: Y.Doc, lastMemberEditAt: number | null): void => {
    const section = deps.guides.findSectionByDocName(name);
    if (!section) return;
    const fragment = doc.getXmlFragment(SECTION_FRAGMENT);
    const language = deps.guides.findGuide(section.guideId)?.language;
    const words = countWords(fragmentText(fragment), language);
    const numbered = countNumbered(layoutJson(fragment));
    const editedAt = lastMemberEditAt === null ? null : new Date(lastMemberEditAt).toISOString();
    deps.guides
      .recordContentSettled(section, words, editedAt, numbered)
      .then((changed) => changed && deps.announcements.contentChanged(section.guideId))
      .catch((err: unknown) => deps.log.warn({ err, doc: name }, 'could not record word count'));
    const anchored = new Set(anchoredText(fragment).keys());
    deps.threads
      .syncAnchors(section.guideId, section.id, anchored)
      .then((changed) => changed && deps.announcements.threadsChanged(section.guideId))
      .catch((err: unknown) => deps.log.warn({ err, doc: name }, 'could not record detached threads'));
  };
}
