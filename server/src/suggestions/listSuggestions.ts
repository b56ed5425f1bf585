import type { User } from '@dalil/shared';
import { MAX_DECIDED_LISTED, type SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { notFound } from '../domain/errors.ts';
import { suggestionView, type SuggestionDeps } from './suggestionDeps.ts';

/**
 * The open suggestions of a section, oldest first, each quoting the text it deletes as it reads now;
 * or the decided ones, most recent first (with their discussions, to read what was settled and why).
 */
export async function listSuggestions(
  deps: SuggestionDeps,
  user: User | null | undefined,
  at: { guideId: string; sectionId: string },
  status: 'open' | 'decided' = 'open',
): Promise<SuggestionView[]> {
  deps.access.authorize(user, at.guideId, 'guide.read');
  const section = deps.guides.getSection(at.guideId, at.sectionId);
  if (section.deletedAt !== null) throw notFound('section');
  if (status === 'decided') return deps.suggestions.decidedOf(at.guideId, at.sectionId, MAX_DECIDED_LISTED).map((record) => suggestionView(record, deps, null));
  const open = deps.suggestions.openOf(at.guideId, at.sectionId);
  if (open.length === 0) return [];
  return deps.live.readSection(at.guideId, section.docName, (doc) => open.map((record) => suggestionView(record, deps, doc)));
}
