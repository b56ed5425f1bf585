import type { User } from '@dalil/shared';
import type { PostSuggestionMessageBody, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { Conflict } from '../domain/errors.ts';
import { messageInput } from '../threads/messageInput.ts';
import { suggestionView, type SuggestionDeps } from './suggestionDeps.ts';

/**
 * Adds a message to a suggestion's discussion: the suggester, the authors and the coordinator, and
 * anyone else who may comment talk it over before it is decided. The suggester and everyone who
 * wrote there before hear of it; people mentioned get a mention, as in a comment thread. Once the
 * suggestion is accepted or rejected its discussion is closed with it (still readable).
 */
export async function discussSuggestion(
  deps: SuggestionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string; suggestionId: string },
  input: PostSuggestionMessageBody,
): Promise<SuggestionView> {
  const actor = deps.access.authorize(user, at.guideId, 'section.comment');
  const record = deps.suggestions.get(at.guideId, at.sectionId, at.suggestionId);
  if (record.status !== 'open') throw new Conflict('suggestion_decided', `this suggestion was already ${record.status}: its discussion is closed`);
  const message = messageInput(at.guideId, input, deps.members);
  await deps.suggestions.addMessage(record, actor.user.id, message.body, message.mentions);
  deps.live.suggestionsChanged(at.guideId);
  const where = { guideId: at.guideId, sectionId: at.sectionId, actorId: actor.user.id };
  const mentioned = new Set(message.mentions);
  const participants = [record.authorId, ...(record.messages ?? []).map((m) => m.authorId)].filter((id) => !mentioned.has(id));
  // a notification failing must not turn a saved message into an error the writer would retry
  await deps.notifications.notify({ ...where, recipientIds: [...mentioned], kind: 'mention' }).catch(() => undefined);
  await deps.notifications.notify({ ...where, recipientIds: participants, kind: 'suggestionReply' }).catch(() => undefined);
  return suggestionView(deps.suggestions.get(at.guideId, at.sectionId, at.suggestionId), deps, null);
}

/** One suggestion, open or decided, with its discussion: a decided one stays readable. */
export function getSuggestion(
  deps: SuggestionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string; suggestionId: string },
): Promise<SuggestionView> {
  deps.access.authorize(user, at.guideId, 'guide.read');
  const record = deps.suggestions.get(at.guideId, at.sectionId, at.suggestionId);
  const section = deps.guides.getSection(at.guideId, at.sectionId);
  return deps.live.readSection(at.guideId, section.docName, (doc) => suggestionView(record, deps, doc));
}
