import { canDeleteMessage, type ThreadView, type User } from '@dalil/shared';
import { forbidden } from '../auth/guideAccess.ts';
import { unanchorThread } from './anchorThread.ts';
import { currentThreadView, type ThreadDeps } from './threadDeps.ts';

/**
 * Deletes a message (its author, or a coordinator). Deleting a thread's last message deletes the
 * thread, and its highlight leaves the text: the outcome is then null.
 */
export async function deleteMessage(
  deps: ThreadDeps,
  user: User | null | undefined,
  at: { guideId: string; threadId: string; messageId: string },
): Promise<ThreadView | null> {
  const { guideId, threadId, messageId } = at;
  const actor = deps.access.authorize(user, guideId, 'guide.read');
  const thread = deps.threads.get(guideId, threadId);
  const existing = deps.threads.getMessage(thread, messageId);
  if (!canDeleteMessage(actor.role, actor.user.id, { authorId: existing.authorId, deleted: existing.deletedAt !== null })) {
    throw forbidden('only its author or a coordinator can delete a message');
  }
  const docName = deps.guides.getSection(guideId, thread.sectionId).docName;
  const { threadDeleted } = await deps.threads.deleteMessage(guideId, threadId, messageId);
  if (threadDeleted) await unanchorThread(deps.live, guideId, docName, threadId);
  deps.live.threadsChanged(guideId);
  return threadDeleted ? null : currentThreadView(deps, guideId, threadId);
}
