import type * as Y from 'yjs';
import type { SuggestionView } from '@dalil/shared/api/suggestions.ts';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { NotificationRepository } from '../storage/notificationRepository.ts';
import type { SuggestionRecord, SuggestionRepository } from '../storage/suggestionRepository.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';
import { messageView } from '../threads/threadView.ts';
import { deletedText } from './suggestionText.ts';

/** What the suggestion use cases need; `RouteServices` provides it. */
export interface SuggestionDeps {
  access: GuideAccess;
  guides: GuideRepository;
  accounts: AccountRepository;
  suggestions: SuggestionRepository;
  members: MemberRepository;
  notifications: NotificationRepository;
  live: LiveDocuments;
}

/** A suggestion as the API shows it; `doc` (the section's live document) gives the quote as it reads now. */
export function suggestionView(record: SuggestionRecord, accounts: AccountRepository, doc: Y.Doc | null): SuggestionView {
  const live = record.status === 'open' && doc && record.deleteFrom ? deletedText(doc, record) : null;
  return {
    id: record.id,
    sectionId: record.sectionId,
    authorId: record.authorId,
    authorName: accounts.nameOf(record.authorId),
    kind: record.kind,
    status: record.status,
    createdAt: record.createdAt,
    quote: live ?? record.quoteAtCreation,
    replacement: record.block ? record.block.text : record.text,
    deleteFrom: record.deleteFrom,
    deleteTo: record.deleteTo,
    at: record.at,
    block: record.block,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt,
    messages: (record.messages ?? []).map((m) => messageView(m, accounts)),
  };
}
