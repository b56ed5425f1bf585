import type { CreateSuggestionBody, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { createSuggestion } from '../api/suggestions.ts';
import { ApiRequestError } from '../api/http.ts';
import type { PendingSuggestion } from './drafts.ts';

/** How often suggestions made offline are tried again (also at once when the browser is back online). */
const RETRY_MS = 4000;

export interface OutboxListener {
  pending(list: PendingSuggestion[]): void;
  sent(view: SuggestionView): void;
  /** The server refused `body` for good (it is dropped from the outbox): `code` says why when the server did. */
  failed(message: string, body: CreateSuggestionBody, code: string | null): void;
}

/**
 * Suggestions on their way to the server. One made offline waits here (and in localStorage, so a
 * reload keeps it) until the network is back: its anchors are Yjs relative positions, so it still
 * means the same words however the text changed meanwhile.
 */
export class SuggestionOutbox {
  private items: PendingSuggestion[];
  private sending = false;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly storageKey: string;
  private readonly onOnline = () => void this.drain();

  constructor(
    private readonly guideId: string,
    private readonly sectionId: string,
    userId: string,
    private readonly listener: OutboxListener,
  ) {
    this.storageKey = `dalil:suggestions:${userId}:${guideId}:${sectionId}`;
    this.items = this.load();
    window.addEventListener('online', this.onOnline);
    this.timer = setInterval(() => void this.drain(), RETRY_MS);
  }

  get list(): PendingSuggestion[] {
    return this.items;
  }

  send(body: CreateSuggestionBody): void {
    this.items = [...this.items, { localId: `local-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`, body }];
    this.changed();
    void this.drain();
  }

  /** Sends what waits, oldest first, one at a time (so they keep their order). */
  async drain(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      while (this.items.length > 0) {
        const next = this.items[0]!;
        try {
          const view = await createSuggestion(this.guideId, this.sectionId, next.body);
          this.listener.sent(view);
        } catch (error) {
          const retry = error instanceof ApiRequestError && (error.status === 0 || error.status >= 500 || error.status === 429);
          if (retry) return;
          this.listener.failed(error instanceof Error ? error.message : String(error), next.body, error instanceof ApiRequestError ? error.code : null);
        }
        this.items = this.items.filter((item) => item !== next);
        this.changed();
      }
    } finally {
      this.sending = false;
    }
  }

  destroy(): void {
    window.removeEventListener('online', this.onOnline);
    if (this.timer) clearInterval(this.timer);
  }

  private changed(): void {
    try {
      if (this.items.length > 0) localStorage.setItem(this.storageKey, JSON.stringify(this.items));
      else localStorage.removeItem(this.storageKey);
    } catch {
      // storage full or refused: the suggestions still wait in memory
    }
    this.listener.pending(this.items);
  }

  private load(): PendingSuggestion[] {
    try {
      const stored = JSON.parse(localStorage.getItem(this.storageKey) ?? '[]') as unknown;
      return Array.isArray(stored) ? (stored as PendingSuggestion[]) : [];
    } catch {
      return [];
    }
  }
}
