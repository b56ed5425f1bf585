import type * as Y from 'yjs';
import type { SuggestedFormat, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { NotificationRepository } from '../storage/notificationRepository.ts';
import type { SuggestionRecord, SuggestionRepository } from '../storage/suggestionRepository.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';
import type { ImageStore } from '../images/imageStore.ts';
import { messageView } from '../threads/threadView.ts';
import { messages } from '@dalil/shared/i18n';
import { deletedText, formattedSegments, topBlockAt } from './suggestionText.ts';
import { asBlocks, blockTypeMessageKey, describeBlocks, fillPlaceholders, fragmentText } from '@dalil/shared/editor';
import type { SuggestedBlocks, SuggestedBlockType } from '@dalil/shared/api/suggestions.ts';
import { segmentsText } from '@dalil/shared';

/** What the suggestion use cases need; `RouteServices` provides it. */
export interface SuggestionDeps {
  access: GuideAccess;
  guides: GuideRepository;
  accounts: AccountRepository;
  suggestions: SuggestionRepository;
  members: MemberRepository;
  notifications: NotificationRepository;
  live: LiveDocuments;
  /** The guide's stored images: a suggested figure may only show one of them. */
  images: Pick<ImageStore, 'find'>;
}

/** A suggestion as the API shows it; `doc` (the section's live document) gives the quote as it reads now. */
export function suggestionView(record: SuggestionRecord, deps: Pick<SuggestionDeps, 'accounts' | 'guides'>, doc: Y.Doc | null): SuggestionView {
  const { accounts } = deps;
  const format = record.format ?? null;
  const live = record.status === 'open' && doc ? liveQuote(record, doc) : null;
  const block = record.block ? asBlocks(record.block) : null;
  return {
    id: record.id,
    sectionId: record.sectionId,
    authorId: record.authorId,
    authorName: accounts.nameOf(record.authorId),
    kind: record.kind,
    status: record.status,
    createdAt: record.createdAt,
    quote: live ?? record.quoteAtCreation,
    replacement: format ? formatDescription(format, deps, record.guideId) : record.blockType ? blockTypeDescription(record.blockType, deps, record.guideId) : block ? blocksDescription(block, deps, record.guideId) : record.text,
    deleteFrom: record.deleteFrom,
    deleteTo: record.deleteTo,
    at: record.at,
    block,
    format,
    blockType: record.blockType ?? null,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt,
    decidedByName: record.decidedBy ? accounts.nameOf(record.decidedBy) : null,
    messages: (record.messages ?? []).map((m) => messageView(m, accounts)),
  };
}

/** The text a suggestion deletes or formats, read in the document as it is now; null when it has none. */
function liveQuote(record: SuggestionRecord, doc: Y.Doc): string | null {
  if (record.blockType) {
    const found = topBlockAt(doc, record.blockType.at);
    return found ? fragmentText(found.element as unknown as Y.XmlFragment) : null;
  }
  if (record.format) {
    const segments = formattedSegments(doc, record.format);
    return segments === null ? null : segmentsText(segments);
  }
  return record.deleteFrom ? deletedText(doc, record) : null;
}

/** "Mettre en gras": what a formatting suggestion does, in the guide's language (REST readers see it as the replacement). */
function formatDescription(format: SuggestedFormat, deps: Pick<SuggestionDeps, 'guides'>, guideId: string): string {
  const language = deps.guides.findGuide(guideId)?.language ?? 'fr';
  const words = messages[language].suggestions;
  const key = `${format.action}${format.mark[0]!.toUpperCase()}${format.mark.slice(1)}` as `add${Capitalize<SuggestedFormat['mark']>}`;
  return words[key];
}

/** "Tableau 3 × 2 · Budget par quartier": suggested blocks, one line each, in the guide's language. */
function blocksDescription(block: SuggestedBlocks, deps: Pick<SuggestionDeps, 'guides'>, guideId: string): string {
  const catalogue = messages[deps.guides.findGuide(guideId)?.language ?? 'fr'];
  return describeBlocks(block.content, {
    message: (key, vars) => fillPlaceholders(catalogue.suggestedBlocks[key], vars),
    calloutKind: (kind) => (catalogue.content.callouts as Record<string, string>)[kind] ?? kind,
  });
}

/** "Transformer en titre 2": what a block-type suggestion does, in the guide's language. */
function blockTypeDescription(change: SuggestedBlockType, deps: Pick<SuggestionDeps, 'guides'>, guideId: string): string {
  const catalogue = messages[deps.guides.findGuide(guideId)?.language ?? 'fr'];
  return fillPlaceholders(catalogue.suggestedBlocks[blockTypeMessageKey(change)], { level: change.level ?? '' });
}
