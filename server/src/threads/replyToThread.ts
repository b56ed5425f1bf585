import type { PostMessageBody, ThreadView, User } from '@dalil/shared';
import { messageInput } from './messageInput.ts';
import { currentThreadView, notifyMentions, notifyOfMessage, type ThreadDeps } from './threadDeps.ts';

/**
 * Adds a message to a thread; the people it mentions are notified, and so are the others who wrote
 * in it before (a conversation goes on without naming everyone each time).
 */
export async function replyToThread(
  deps: ThreadDeps,
  user: User | null | undefined,
  at: { guideId: string; threadId: string },
  input: PostMessageBody,
): Promise<ThreadView> {
  const { guideId, threadId } = at;
  const actor = deps.access.authorize(user, guideId, 'section.comment');
  const thread = deps.threads.get(guideId, threadId);
  const message = messageInput(guideId, input, deps.members);
  await deps.threads.addMessage(guideId, threadId, actor.user.id, message.body, message.mentions);
  deps.live.threadsChanged(guideId);
  const where = { guideId, sectionId: thread.sectionId, threadId };
  const participants = [thread.createdBy, ...thread.messages.map((m) => m.authorId)].filter((id) => !message.mentions.includes(id));
  await Promise.all([
    notifyMentions(deps, where, actor.user.id, message.mentions),
    notifyOfMessage(deps, { recipientIds: participants, actorId: actor.user.id, ...where, kind: 'threadReply' }),
  ]);
  return currentThreadView(deps, guideId, threadId);
}
