import type { Thread, ThreadMessage, ThreadStatus } from '@dalil/shared';
import { MAX_QUOTE_LENGTH } from '@dalil/shared';
import { notFound } from '../domain/errors.ts';
import type { GuideRepository } from './guideRepository.ts';
import type { MetadataStore } from './metadataStore.ts';
import { newId } from './ids.ts';

export interface NewThread {
  id: string;
  guideId: string;
  sectionId: string;
  quote: string;
  authorId: string;
  body: string;
  mentions: string[];
}

export interface ThreadFilter {
  status?: ThreadStatus;
  sectionId?: string;
}

/** Comment threads and their messages. Permission checks are the routes' job; this keeps the data whole. */
export class ThreadRepository {
  constructor(
    private readonly store: MetadataStore,
    /** Sections in the trash hide their threads (they come back with the section). */
    private readonly sections: Pick<GuideRepository, 'isLiveSection' | 'liveSectionIds'>,
  ) {}

  private threadsOf(guideId: string): readonly Thread[] {
    return this.store.guide(guideId)?.threads ?? [];
  }

  static newThreadId(): string {
    return newId('t');
  }

  list(guideId: string, filter: ThreadFilter = {}): Thread[] {
    const live = this.sections.liveSectionIds(guideId);
    return this.threadsOf(guideId)
      .filter(
        (t) =>
          (filter.status === undefined || t.status === filter.status) &&
          (filter.sectionId === undefined || t.sectionId === filter.sectionId) &&
          live.has(t.sectionId),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Open threads of a guide or one section (the workflow refuses to validate while there are some). */
  openThreadsOf(guideId: string, sectionId?: string): Array<{ id: string; sectionId: string; quote: string }> {
    return this.list(guideId, { status: 'open', sectionId }).map((t) => ({ id: t.id, sectionId: t.sectionId, quote: t.quote }));
  }

  openCountsBySection(guideId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const t of this.list(guideId, { status: 'open' })) counts.set(t.sectionId, (counts.get(t.sectionId) ?? 0) + 1);
    return counts;
  }

  get(guideId: string, threadId: string): Thread {
    const thread = this.threadsOf(guideId).find((t) => t.id === threadId);
    if (!thread || !this.sections.isLiveSection(guideId, thread.sectionId)) throw notFound('thread');
    return thread;
  }

  getMessage(thread: Thread, messageId: string): ThreadMessage {
    const message = thread.messages.find((m) => m.id === messageId);
    if (!message) throw notFound('message');
    return message;
  }

  create(input: NewThread): Promise<Thread> {
    const now = new Date().toISOString();
    const thread: Thread = {
      id: input.id,
      guideId: input.guideId,
      sectionId: input.sectionId,
      status: 'open',
      quote: clip(input.quote),
      detached: false,
      createdBy: input.authorId,
      createdAt: now,
      updatedAt: now,
      resolvedBy: null,
      resolvedAt: null,
      messages: [newMessage(input.authorId, input.body, input.mentions, now)],
    };
    return this.store.mutate((change) => {
      change.threadsOf(input.guideId).threads.push(thread);
      return thread;
    });
  }

  addMessage(guideId: string, threadId: string, authorId: string, body: string, mentions: string[]): Promise<ThreadMessage> {
    return this.store.mutate((change) => {
      change.threadsOf(guideId);
      const thread = this.get(guideId, threadId);
      const now = new Date().toISOString();
      const message = newMessage(authorId, body, mentions, now);
      thread.messages.push(message);
      thread.updatedAt = now;
      return message;
    });
  }

  editMessage(guideId: string, threadId: string, messageId: string, body: string, mentions: string[]): Promise<ThreadMessage> {
    return this.store.mutate((change) => {
      change.threadsOf(guideId);
      const thread = this.get(guideId, threadId);
      const message = this.getMessage(thread, messageId);
      const now = new Date().toISOString();
      message.body = body;
      message.mentions = mentions;
      message.editedAt = now;
      thread.updatedAt = now;
      return message;
    });
  }

  /**
   * Deletes a message's text but keeps its place, so replies still read in order. When no message
   * is left with text, the whole thread goes: the result says so, and the caller removes its anchor.
   */
  deleteMessage(guideId: string, threadId: string, messageId: string): Promise<{ threadDeleted: boolean }> {
    return this.store.mutate((change) => {
      const data = change.threadsOf(guideId);
      const thread = this.get(guideId, threadId);
      const message = this.getMessage(thread, messageId);
      const now = new Date().toISOString();
      message.body = '';
      message.mentions = [];
      message.deletedAt = now;
      thread.updatedAt = now;
      if (thread.messages.every((m) => m.deletedAt !== null)) {
        data.threads.splice(data.threads.indexOf(thread), 1);
        return { threadDeleted: true };
      }
      return { threadDeleted: false };
    });
  }

  setStatus(guideId: string, threadId: string, status: ThreadStatus, userId: string): Promise<Thread> {
    return this.store.mutate((change) => {
      change.threadsOf(guideId);
      const thread = this.get(guideId, threadId);
      if (thread.status === status) return thread;
      const now = new Date().toISOString();
      thread.status = status;
      thread.resolvedBy = status === 'resolved' ? userId : null;
      thread.resolvedAt = status === 'resolved' ? now : null;
      thread.updatedAt = now;
      return thread;
    });
  }

  /**
   * Records which of a section's threads still have anchored text (read from the document after
   * edits settle). Returns whether anything changed, so live clients are told only then.
   */
  async syncAnchors(guideId: string, sectionId: string, anchoredThreadIds: ReadonlySet<string>): Promise<boolean> {
    const changed = this.threadsOf(guideId).filter((t) => t.sectionId === sectionId && t.detached === anchoredThreadIds.has(t.id));
    if (changed.length === 0) return false;
    await this.store.mutate((change) => {
      change.threadsOf(guideId);
      for (const t of changed) t.detached = !anchoredThreadIds.has(t.id);
    });
    return true;
  }
}

export function newMessage(authorId: string, body: string, mentions: string[], now: string): ThreadMessage {
  return { id: newId('m'), authorId, body, mentions: [...new Set(mentions)], createdAt: now, editedAt: null, deletedAt: null };
}

function clip(quote: string): string {
  const clean = quote.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTE_LENGTH ? `${clean.slice(0, MAX_QUOTE_LENGTH - 1)}…` : clean;
}
