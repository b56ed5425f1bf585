import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { watchAccessSignals, type AccessSignal } from './accessSignals.ts';
import { collabUrl } from './collabUrl.ts';
import { watchConnection } from './connectionStatus.ts';
import { watchSavedState } from './savedState.ts';
import type { CollabStatus } from './status.ts';

/**
 * Everything one open section needs, without React: its Y.Doc, the socket to the server, the
 * IndexedDB copy that keeps edits across offline periods and reloads, and the status derived
 * from them. Created when a section opens, destroyed when it closes.
 */
export class SectionSession {
  readonly ydoc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence | null;
  private readonly listeners = new Set<() => void>();
  private readonly disposers: Array<() => void> = [];
  private current: CollabStatus = { connection: 'connecting', save: 'unknown' };

  /**
   * `locked`: the section is validated and the server drops every edit to it. Then no local copy
   * is kept, and the one left from before is deleted: edits in it were refused, and replaying them
   * would only show text that does not exist and an "unsaved" state that never ends.
   */
  constructor(
    readonly docName: string,
    onAccessSignal: (signal: AccessSignal) => void = () => undefined,
    locked = false,
  ) {
    if (locked) void clearDocument(docName).catch(() => undefined);
    this.local = locked ? null : new IndexeddbPersistence(docName, this.ydoc);
    this.provider = new WebsocketProvider(collabUrl(), docName, this.ydoc);
    this.disposers.push(
      watchConnection(this.provider, (connection) => this.set({ connection })),
      watchSavedState(this.provider, this.ydoc, (save) => this.set({ save })),
      watchAccessSignals(this.provider, onAccessSignal),
    );
  }

  get status(): CollabStatus {
    return this.current;
  }

  /** Resolves once the IndexedDB copy is loaded (or could not be: private mode, quota). */
  whenLocalLoaded(): Promise<void> {
    if (!this.local) return Promise.resolve();
    return this.local.whenSynced.then(
      () => undefined,
      () => undefined,
    );
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.listeners.clear();
    this.provider.destroy();
    void this.local?.destroy();
    this.ydoc.destroy();
  }

  private set(patch: Partial<CollabStatus>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener();
  }
}
