import { canEditMessage, type PostMessageBody, type ThreadView, type User } from '@dalil/shared';
import { forbidden } from '../auth/guideAccess.ts';
import { messageInput } from './messageInput.ts';
import { currentThreadView, notifyMentions, type ThreadDeps } from './threadDeps.ts';

/** Its author rewrites a message; only people newly mentioned are notified. */
export async function editMessage(
  deps: ThreadDeps,
  user: User | null | undefined,
  at: { guideId: string; threadId: string; messageId: string },
  input: PostMessageBody,
): Promise<ThreadView> {
  const { guideId, threadId, messageId } = at;
  const actor = deps.access.authorize(user, guideId, 'guide.read');
  const thread = deps.threads.get(guideId, threadId);
  const existing = deps.threads.getMessage(thread, messageId);
  if (!canEditMessage(actor.role, actor.user.id, { authorId: existing.authorId, deleted: existing.deletedAt !== null })) {
    throw forbidden('only its author can edit a message');
  }
  const message = messageInput(guideId, input, deps.members);
  const newlyMentioned = message.mentions.filter((id) => !existing.mentions.includes(id));
  await deps.threads.editMessage(guideId, threadId, messageId, message.body, message.mentions);
  deps.live.threadsChanged(guideId);
  await notifyMentions(deps, { guideId, sectionId: thread.sectionId, threadId }, actor.user.id, newlyMentioned);
  return currentThreadView(deps, guideId, threadId);
}
