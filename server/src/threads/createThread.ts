import type { CreateThreadBody, ThreadView, User } from '@dalil/shared';
import { forbidden } from '../auth/guideAccess.ts';
import { ThreadRepository } from '../storage/threadRepository.ts';
import { anchorThread } from './anchorThread.ts';
import { messageInput } from './messageInput.ts';
import { currentThreadView, notifyMentions, type ThreadDeps } from './threadDeps.ts';

/**
 * Opens a comment thread on a passage of a section. Anyone who may comment does this, text rights
 * or not: the anchor mark is written into the live document by the server itself.
 */
export async function createThread(
  deps: ThreadDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string },
  input: CreateThreadBody,
): Promise<ThreadView> {
  const { guideId, sectionId } = at;
  const actor = deps.access.authorize(user, guideId, 'section.comment');
  const section = deps.guides.getSection(guideId, sectionId);
  if (section.deletedAt) throw forbidden('this section is in the trash');
  const message = messageInput(guideId, input, deps.members);
  const threadId = ThreadRepository.newThreadId();
  const quote = await anchorThread(deps.live, guideId, section.docName, threadId, input.anchor);
  await deps.threads.create({ id: threadId, guideId, sectionId, quote, authorId: actor.user.id, ...message });
  deps.live.threadsChanged(guideId);
  await notifyMentions(deps, { guideId, sectionId, threadId }, actor.user.id, message.mentions);
  return currentThreadView(deps, guideId, threadId);
}
