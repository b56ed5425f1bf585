import type { SuggestedBlock, SuggestedBlockType, SuggestedFormat, SuggestionKind, SuggestionStatus } from '@dalil/shared/api/suggestions.ts';
import { notFound } from '../domain/errors.ts';
import type { GuideRepository } from './guideRepository.ts';
import type { MetadataStore } from './metadataStore.ts';
import { newId } from './ids.ts';
import type { ThreadMessage } from '@dalil/shared';
import { newMessage } from './threadRepository.ts';

/** A suggestion as stored: anchors on the section's document, never content inside it. */
export interface SuggestionRecord {
  id: string;
  guideId: string;
  sectionId: string;
  authorId: string;
  kind: SuggestionKind;
  status: SuggestionStatus;
  createdAt: string;
  /** Encoded Yjs relative positions (base64) in the section's document. */
  deleteFrom: string | null;
  deleteTo: string | null;
  at: string | null;
  text: string;
  block: SuggestedBlock | null;
  /** A formatting change (absent in records written before formatting could be suggested). */
  format?: SuggestedFormat | null;
  /** A paragraph or heading turned into another kind of block (absent in records written before this could be suggested). */
  blockType?: SuggestedBlockType | null;
  /** The deleted (or formatted) text when the suggestion was made (the live quote is read from the document). */
  quoteAtCreation: string;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Its discussion (absent in records written before suggestions had one). */
  messages?: ThreadMessage[];
}

export type NewSuggestion = Omit<SuggestionRecord, 'id' | 'status' | 'createdAt' | 'decidedBy' | 'decidedAt'>;

/** Suggestions of a guide's sections, kept in the guide's threads file with who decided them and when. */
export class SuggestionRepository {
  constructor(
    private readonly store: MetadataStore,
    private readonly sections: Pick<GuideRepository, 'isLiveSection'>,
  ) {}

  create(input: NewSuggestion): Promise<SuggestionRecord> {
    const record: SuggestionRecord = { ...input, id: newId('sg'), status: 'open', createdAt: new Date().toISOString(), decidedBy: null, decidedAt: null };
    return this.store.mutate((change) => {
      change.threadsOf(input.guideId).suggestions.push(record);
      return record;
    });
  }

  private of(guideId: string): readonly SuggestionRecord[] {
    return this.store.guide(guideId)?.suggestions ?? [];
  }

  get(guideId: string, sectionId: string, suggestionId: string): SuggestionRecord {
    const found = this.of(guideId).find((s) => s.id === suggestionId && s.sectionId === sectionId);
    if (!found || !this.sections.isLiveSection(guideId, sectionId)) throw notFound('suggestion');
    return found;
  }

  /** Open suggestions of a section, oldest first. */
  openOf(guideId: string, sectionId: string): SuggestionRecord[] {
    return this.of(guideId).filter((s) => s.sectionId === sectionId && s.status === 'open');
  }

  /** Decided suggestions of a section, the most recently decided first, at most `limit`. */
  decidedOf(guideId: string, sectionId: string, limit: number): SuggestionRecord[] {
    return this.of(guideId)
      .filter((s) => s.sectionId === sectionId && s.status !== 'open')
      .sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''))
      .slice(0, limit);
  }

  openCountsBySection(guideId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const s of this.of(guideId)) {
      if (s.status === 'open' && this.sections.isLiveSection(guideId, s.sectionId)) {
        counts.set(s.sectionId, (counts.get(s.sectionId) ?? 0) + 1);
      }
    }
    return counts;
  }

  /** Adds a message to a suggestion's discussion; the record is the stored one, reached again inside the write. */
  addMessage(record: SuggestionRecord, authorId: string, body: string, mentions: string[]): Promise<ThreadMessage> {
    return this.store.mutate((change) => {
      const stored = change.threadsOf(record.guideId).suggestions.find((s) => s.id === record.id);
      if (!stored) throw notFound('suggestion');
      const message = newMessage(authorId, body, mentions, new Date().toISOString());
      (stored.messages ??= []).push(message);
      return message;
    });
  }

  /** Records one decision for several suggestions, in one metadata write. */
  decide(records: SuggestionRecord[], status: 'accepted' | 'rejected', actorId: string): Promise<SuggestionRecord[]> {
    return this.store.mutate((change) => {
      // the records are the stored ones: asking for their files marks those files written
      for (const guideId of new Set(records.map((r) => r.guideId))) change.threadsOf(guideId);
      const decidedAt = new Date().toISOString();
      for (const record of records) {
        record.status = status;
        record.decidedBy = actorId;
        record.decidedAt = decidedAt;
      }
      return records;
    });
  }
}
