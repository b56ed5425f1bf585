import type { PostMessageBody, ThreadView, User } from '@dalil/shared';
import { messageInput } from './messageInput.ts';
import { currentThreadView, notifyMentions, type ThreadDeps } from './threadDeps.ts';

/** Adds a message to a thread; the people it mentions are notified. */
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
  await notifyMentions(deps, { guideId, sectionId: thread.sectionId, threadId }, actor.user.id, message.mentions);
  deps.live.threadsChanged(guideId);
  return currentThreadView(deps, guideId, threadId);
}
