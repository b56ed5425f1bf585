import { can, isContentLocked, type NotificationKind, type User } from '@dalil/shared';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { Conflict, notFound } from '../domain/errors.ts';
import { forbidden } from '../auth/guideAccess.ts';
import type { SuggestionRecord } from '../storage/suggestionRepository.ts';
import { applySuggestion, resolvePosition } from './suggestionText.ts';
import { suggestionView, type SuggestionDeps } from './suggestionDeps.ts';

export type Decision = 'accept' | 'reject';

/** Suggestions being decided right now: a second decision of the same one waits for nobody, it is refused. */
const deciding = new Set<string>();

/**
 * Accepts (the suggested change is written into the section's text, by the server, as one edit
 * every open editor receives) or rejects (nothing in the text changes) one open suggestion;
 * records who decided and when, and tells the suggester. The suggester may withdraw their own.
 */
export async function decideSuggestion(
  deps: SuggestionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string; suggestionId: string },
  decision: Decision,
): Promise<SuggestionView> {
  const record = deps.suggestions.get(at.guideId, at.sectionId, at.suggestionId);
  const actorId = authorizeDecision(deps, user, at.guideId, [record], decision);
  const [decided] = await decide(deps, at.guideId, at.sectionId, [record], decision, actorId);
  return suggestionView(decided!, deps, null);
}

/** Accepts or rejects every open suggestion of one person in a section, in the order they were made, as one edit. */
export async function decideAllOf(
  deps: SuggestionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string },
  authorId: string,
  decision: Decision,
): Promise<SuggestionView[]> {
  const section = deps.guides.getSection(at.guideId, at.sectionId);
  if (section.deletedAt !== null) throw notFound('section');
  const records = deps.suggestions.openOf(at.guideId, at.sectionId).filter((s) => s.authorId === authorId);
  const actorId = authorizeDecision(deps, user, at.guideId, records, decision);
  if (records.length === 0) return [];
  const decided = await decide(deps, at.guideId, at.sectionId, records, decision, actorId);
  return decided.map((record) => suggestionView(record, deps, null));
}

/** Deciding is the authors' and the coordinator's; withdrawing (rejecting) one's own suggestions is everyone's. */
function authorizeDecision(deps: SuggestionDeps, user: User | null | undefined, guideId: string, records: SuggestionRecord[], decision: Decision): string {
  const actor = deps.access.authorize(user, guideId, 'guide.read');
  const own = records.length > 0 && records.every((r) => r.authorId === actor.user.id);
  if (can(actor.role, 'suggestion.decide') || (decision === 'reject' && own && can(actor.role, 'suggestion.create'))) return actor.user.id;
  throw forbidden(decision === 'accept' ? 'only authors and the coordinator accept suggestions' : 'only authors, the coordinator and its author reject a suggestion');
}

async function decide(
  deps: SuggestionDeps,
  guideId: string,
  sectionId: string,
  records: SuggestionRecord[],
  decision: Decision,
  actorId: string,
): Promise<SuggestionRecord[]> {
  for (const record of records) {
    if (record.status !== 'open') throw new Conflict('suggestion_decided', `this suggestion was already ${record.status}`);
    if (deciding.has(record.id)) throw new Conflict('suggestion_decided', 'this suggestion is being decided by someone else');
  }
  for (const record of records) deciding.add(record.id);
  try {
    const section = deps.guides.getSection(guideId, sectionId);
    if (decision === 'accept') {
      const applied = await deps.live.editSection(guideId, section.docName, (doc) => {
        // Read the status inside the edit: a submission may have locked the text while we waited for the document.
        if (isContentLocked(deps.guides.getSection(guideId, sectionId).status)) return 'locked' as const;
        // Blocks whose paragraph was deleted have nowhere to go: refused before anything is applied (accepting would lose them).
        if (records.some((record) => record.block && record.at && !resolvePosition(doc, record.at))) return 'anchor_gone' as const;
        let all = true;
        for (const record of records) all = applySuggestion(doc, record) && all;
        return all ? ('ok' as const) : ('detached' as const);
      });
      if (applied === 'locked') throw new Conflict('section_locked', 'the section is in review or validated: its text cannot change now');
      if (applied === 'anchor_gone') throw new Conflict('anchor_gone', 'the paragraph these blocks were to follow has been deleted: reject the suggestion, or suggest the blocks again where they belong');
    }
    const status = decision === 'accept' ? 'accepted' : 'rejected';
    const decided = await deps.suggestions.decide(records, status, actorId);
    deps.live.suggestionsChanged(guideId);
    const kind: NotificationKind = decision === 'accept' ? 'suggestionAccepted' : 'suggestionRejected';
    const recipientIds = [...new Set(records.map((r) => r.authorId))];
    await deps.notifications.notify({ recipientIds, actorId, guideId, sectionId, kind }).catch(() => undefined);
    return decided;
  } finally {
    for (const record of records) deciding.delete(record.id);
  }
}
