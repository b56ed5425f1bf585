import type { ThreadStatus, ThreadView, User } from '@dalil/shared';
import type { ThreadDeps } from './threadDeps.ts';
import { threadView } from './threadView.ts';

/** A guide's comment threads, filtered by status and section, for any member. */
export function listThreads(
  deps: ThreadDeps,
  user: User | null | undefined,
  guideId: string,
  filter: { status?: ThreadStatus; sectionId?: string },
): ThreadView[] {
  deps.access.authorize(user, guideId, 'guide.read');
  const titles = new Map(deps.guides.listSections(guideId).map((s) => [s.id, s.title]));
  return deps.threads.list(guideId, filter).map((t) => threadView(t, titles.get(t.sectionId) ?? '', deps.accounts));
}
