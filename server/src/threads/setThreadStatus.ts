import type { ThreadStatus, ThreadView, User } from '@dalil/shared';
import { currentThreadView, type ThreadDeps } from './threadDeps.ts';

/** Resolves or reopens a thread. */
export async function setThreadStatus(
  deps: ThreadDeps,
  user: User | null | undefined,
  at: { guideId: string; threadId: string },
  status: ThreadStatus,
): Promise<ThreadView> {
  const { guideId, threadId } = at;
  const actor = deps.access.authorize(user, guideId, 'section.comment');
  await deps.threads.setStatus(guideId, threadId, status, actor.user.id);
  deps.live.threadsChanged(guideId);
  return currentThreadView(deps, guideId, threadId);
}
