import type { User } from '@dalil/shared';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { notFound } from '../domain/errors.ts';
import { suggestionView, type SuggestionDeps } from './suggestionDeps.ts';

/** The open suggestions of a section, oldest first, each quoting the text it deletes as it reads now. */
export async function listSuggestions(deps: SuggestionDeps, user: User | null | undefined, at: { guideId: string; sectionId: string }): Promise<SuggestionView[]> {
  deps.access.authorize(user, at.guideId, 'guide.read');
  const section = deps.guides.getSection(at.guideId, at.sectionId);
  if (section.deletedAt !== null) throw notFound('section');
  const open = deps.suggestions.openOf(at.guideId, at.sectionId);
  if (open.length === 0) return [];
  return deps.live.readSection(at.guideId, section.docName, (doc) => open.map((record) => suggestionView(record, deps.accounts, doc)));
}
