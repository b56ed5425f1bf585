import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { AccessSignal } from './accessSignals.ts';
import { markLoad } from '../loading/loadMarks.ts';
import { readOnlyView } from './readOnlyView.ts';
import { openRoomProvider } from './roomProvider.ts';
import { savedSnapshotStore } from './savedSnapshotStore.ts';
import { watchSavedState } from './savedState.ts';
import { SnapshotStore } from './snapshotStore.ts';
import type { CollabStatus } from './status.ts';

export const IDLE_SECTION_STATUS: CollabStatus = { connection: 'connecting', save: 'unknown', pending: null };

export interface SectionSessionOptions {
  /** Roles without text-edit rights: nothing done in this tab may reach IndexedDB or the server. */
  readOnly: boolean;
  /**
   * A validated section: the server drops every edit to it. The local copy left from before is
   * deleted first: edits in it were refused, and replaying them would show text that does not
   * exist and changes waiting to be sent forever.
   */
  locked?: boolean;
  onAccessSignal?: (signal: AccessSignal) => void;
  /**
   * The server's state of the document fetched over HTTP with the page's code (a deep link): applied
   * as soon as it is here, so the text shows without waiting for the socket's handshake and sync.
   */
  initialState?: Promise<Uint8Array>;
}

/** Longest wait for the local copy before the socket connects and the editor shows anyway. */
const LOCAL_COPY_WAIT_MS = 2000;

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Everything one open section needs, without React: its Y.Doc, the socket to the server, the
 * IndexedDB copy that keeps edits across offline periods and reloads, and the status derived
 * from them. Created when a section opens, destroyed when it closes.
 */
export class SectionSession {
  /** The document the editor shows and edits. */
  readonly ydoc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly readOnly: boolean;
  /** What the socket syncs and IndexedDB keeps; `ydoc` itself unless read-only. */
  private readonly shared = new Y.Doc();
  private readonly local: IndexeddbPersistence;
  private readonly store = new SnapshotStore<CollabStatus>(IDLE_SECTION_STATUS);
  private readonly disposers: Array<() => void> = [];
  private syncedOnce = false;
  private destroyed = false;
  /**
   * Settles once the document holds what this browser already has: the IndexedDB copy and the
   * preloaded state, if any. The editor is made after it, so it first draws the text rather than an
   * empty page that fills in a moment later (on a phone that moment was the longest task of a
   * second visit: the copy's load waited behind the editor's creation).
   */
  readonly localReady: Promise<void>;

  constructor(
    readonly docName: string,
    { readOnly, locked = false, onAccessSignal = () => undefined, initialState }: SectionSessionOptions,
  ) {
    // IndexedDB runs the deletion before the open below (requests on one name are queued in order)
    if (locked) void clearDocument(docName).catch(() => undefined);
    this.readOnly = readOnly;
    if (readOnly) {
      const { view, dispose } = readOnlyView(this.shared);
      this.ydoc = view;
      this.disposers.push(dispose);
    } else {
      this.ydoc = this.shared;
    }
    this.local = new IndexeddbPersistence(docName, this.shared);
    let markLocalReady!: () => void;
    this.localReady = new Promise((resolve) => (markLocalReady = resolve));
    const room = openRoomProvider(docName, this.shared, {
      connectAfter: this.localReady,
      onConnection: (connection) => {
        if (connection === 'connected') this.syncedOnce = true;
        this.store.update({ connection });
      },
      onAccessSignal,
    });
    this.provider = room.provider;
    const preloaded = initialState?.then(
      (update) => {
        // applied as what it is, the server's state: the provider does not send it back up, and the
        // saved indicator does not count it as changes of ours waiting to be saved
        if (!this.destroyed) Y.applyUpdate(this.shared, update, this.provider);
      },
      () => undefined, // the socket brings the text anyway
    );
    // bounded: a browser whose IndexedDB never answers (some private modes) still gets its socket
    void Promise.race([Promise.all([this.local.whenSynced, preloaded]), delay(LOCAL_COPY_WAIT_MS)]).then(() => {
      if (!this.destroyed) markLoad('section-text-ready');
      markLocalReady();
    });
    this.disposers.push(room.unwatch, watchSavedState(this.provider, this.shared, savedSnapshotStore(this.local), (saved) => this.store.update(saved)));
  }

  get status(): CollabStatus {
    return this.store.snapshot;
  }

  /**
   * Whether this session's document has received the server's state at least once: until then an
   * empty or stale local copy would count 0 words and make every comment look detached.
   */
  get synced(): boolean {
    return this.syncedOnce;
  }

  /** Closed: its document, socket and local copy are gone (a late callback must leave it alone). */
  get isDestroyed(): boolean {
    return this.destroyed;
  }

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  destroy(): void {
    this.destroyed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.store.clear();
    this.provider.destroy();
    void this.local.destroy();
    this.shared.destroy();
  }
}
