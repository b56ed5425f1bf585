import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { GUIDE_ROOM_CONTENT, GUIDE_ROOM_SUGGESTIONS, GUIDE_ROOM_THREADS, GUIDE_ROOM_VERSIONS } from '@dalil/shared';
import type { AccessSignal } from './accessSignals.ts';
import { toParticipant, type Participant, type PresenceState } from './presence.ts';
import { openRoomProvider } from './roomProvider.ts';
import { SnapshotStore } from './snapshotStore.ts';
import type { ConnectionStatus } from './status.ts';

export interface GuideRoomSnapshot {
  connection: ConnectionStatus;
  /** Latest `structureVersion` the server announced, or null before the first sync. */
  structureVersion: number | null;
  /** Latest comment-threads change the server announced, or null before any. */
  threadsVersion: number | null;
  /** Latest settled content change (word counts, last edits) the server announced, or null before any. */
  contentVersion: number | null;
  /** Latest suggestions change (made, accepted, rejected) the server announced, or null before any. */
  suggestionsVersion: number | null;
  participants: Participant[];
}

type AnnouncedVersion = 'structureVersion' | 'threadsVersion' | 'contentVersion' | 'suggestionsVersion';

/** Which array of the room announces which version. */
const ANNOUNCEMENTS: Array<[key: string, field: AnnouncedVersion]> = [
  [GUIDE_ROOM_VERSIONS, 'structureVersion'],
  [GUIDE_ROOM_THREADS, 'threadsVersion'],
  [GUIDE_ROOM_CONTENT, 'contentVersion'],
  [GUIDE_ROOM_SUGGESTIONS, 'suggestionsVersion'],
];

export const IDLE_GUIDE_ROOM: GuideRoomSnapshot = {
  connection: 'connecting',
  structureVersion: null,
  threadsVersion: null,
  contentVersion: null,
  suggestionsVersion: null,
  participants: [],
};

/**
 * A guide's room, without React: the server announces in it every change to the table of contents,
 * the comment threads and the settled contents, and its awareness says who is in the guide and
 * where. The Y.Doc is throwaway: clients never write to it.
 */
export class GuideRoom {
  private readonly ydoc = new Y.Doc();
  private readonly provider: WebsocketProvider;
  private readonly store = new SnapshotStore<GuideRoomSnapshot>(IDLE_GUIDE_ROOM);
  private readonly disposers: Array<() => void> = [];

  /**
   * `presence` null: listen only, without appearing among the people in the guide.
   * `loadedContentVersion`: the content version of the guide the page holds (its reply's
   * `contentVersion`); without it, the first sync's content version is never news.
   */
  constructor(
    roomName: string,
    presence: PresenceState | null,
    onAccessSignal: (signal: AccessSignal) => void = () => undefined,
    loadedContentVersion?: () => number | null,
  ) {
    // No BroadcastChannel: presence must reflect each tab, and structure news comes from the server.
    const room = openRoomProvider(roomName, this.ydoc, {
      broadcastChannel: false,
      onConnection: (connection) => this.store.update({ connection }),
      onAccessSignal,
    });
    this.provider = room.provider;
    this.disposers.push(room.unwatch);
    this.provider.awareness.setLocalState(presence);

    // The newest version is the maximum (entries from before a server restart may merge in, and a
    // maximum is unaffected by them).
    // The content version the room holds when it first syncs is news only if the page's guide was
    // loaded before it: counting the version the page already has made every load of a guide with
    // settled text fetch its guide twice, and ignoring it lost what settled while the room waited
    // (a deep link opens it only once the section's editor exists). Versions arriving after the
    // first sync, a reconnect's included, are news.
    let syncedOnce = false;
    const isNews = (contentVersion: number): boolean =>
      syncedOnce || (loadedContentVersion !== undefined && contentVersion !== loadedContentVersion());
    const onSync = (synced: boolean): void => {
      if (synced) syncedOnce = true;
    };
    this.provider.on('sync', onSync);
    this.disposers.push(() => this.provider.off('sync', onSync));
    for (const [key, field] of ANNOUNCEMENTS) {
      const versions = this.ydoc.getArray<unknown>(key);
      const onVersions = (): void => {
        const newest = newestOf(versions);
        if (field === 'contentVersion' && newest !== null && !isNews(newest)) return;
        if (newest !== null && newest !== this.store.snapshot[field]) this.store.update({ [field]: newest });
      };
      versions.observe(onVersions);
      this.disposers.push(() => versions.unobserve(onVersions));
    }
    const onAwareness = (): void => this.store.update({ participants: this.readParticipants() });
    this.provider.awareness.on('change', onAwareness);
    this.disposers.push(() => this.provider.awareness.off('change', onAwareness));
    onAwareness();
  }

  get snapshot(): GuideRoomSnapshot {
    return this.store.snapshot;
  }

  setPresence(presence: PresenceState): void {
    this.provider.awareness.setLocalState(presence);
  }

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  destroy(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
    this.store.clear();
    this.provider.destroy(); // also tells peers we left
    this.ydoc.destroy();
  }

  private readParticipants(): Participant[] {
    const selfId = this.ydoc.clientID;
    const participants: Participant[] = [];
    for (const [clientId, state] of this.provider.awareness.getStates()) {
      const participant = toParticipant(clientId, state, selfId);
      if (participant) participants.push(participant);
    }
    // self first, then by name, so avatars keep a stable order
    return participants.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.user.name.localeCompare(b.user.name));
  }
}

function newestOf(values: Y.Array<unknown>): number | null {
  let newest: number | null = null;
  for (const value of values) if (typeof value === 'number' && (newest === null || value > newest)) newest = value;
  return newest;
}
