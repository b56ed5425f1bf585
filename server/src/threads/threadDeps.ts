import type { GuideAccess } from '../auth/guideAccess.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { NotificationRepository, NotifyInput } from '../storage/notificationRepository.ts';
import type { ThreadRepository } from '../storage/threadRepository.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';
import { threadView } from './threadView.ts';

/** What the comment-thread use cases need; `RouteServices` provides it. */
export interface ThreadDeps {
  access: GuideAccess;
  guides: GuideRepository;
  accounts: AccountRepository;
  members: MemberRepository;
  threads: ThreadRepository;
  notifications: NotificationRepository;
  live: LiveDocuments;
  /** Where a notification that could not be stored is told (the request's log). */
  log?: { warn(obj: object, msg: string): void };
}

/** A thread as the API shows it, read back after a change. */
export function currentThreadView(deps: ThreadDeps, guideId: string, threadId: string) {
  const thread = deps.threads.get(guideId, threadId);
  return threadView(thread, deps.guides.getSection(guideId, thread.sectionId).title, deps.accounts);
}

/** People named in a message hear of it (the author never notifies themself). */
export function notifyMentions(
  deps: ThreadDeps,
  at: { guideId: string; sectionId: string; threadId: string },
  actorId: string,
  mentioned: string[],
): Promise<void> {
  return notifyOfMessage(deps, { recipientIds: mentioned, actorId, ...at, kind: 'mention' });
}

/**
 * Notifies of a message already stored: a notification that cannot be stored is logged, never
 * answered as the message's failure (its author would post it again, twice).
 */
export async function notifyOfMessage(deps: ThreadDeps, input: NotifyInput): Promise<void> {
  if (input.recipientIds.length === 0) return;
  try {
    await deps.notifications.notify(input);
  } catch (err) {
    // Thrown before a promise as well as rejected by it: either way the message stays stored.
    deps.log?.warn({ err }, 'could not store comment notifications');
  }
}
