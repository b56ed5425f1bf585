import { CloseCode, type GuideState } from '@dalil/shared';

/** A socket as access changes see it: who opened it, with which session, on which document. */
export interface TrackedSocket {
  readonly userId: string;
  readonly guideId: string;
  readonly docName: string;
  /** Hash of the session token the socket was authenticated with. */
  readonly sessionTokenHash: string;
  /** When that session expires (ms since epoch). */
  readonly sessionExpiresAt: number;
  close(code: number, reason: string): void;
  onClose(listener: () => void): void;
}

export interface AccessChangesOptions {
  /** Is this session still live? Asked once when a socket is tracked (a logout may have won the race). */
  isSessionLive(tokenHash: string): boolean;
  /** Sets a section's locked flag where the rooms read it (the registry owns document state). */
  applySectionLock(docName: string, locked: boolean): boolean;
}

/** One access change, as it travels between nodes. */
export type AccessChange =
  | { kind: 'sessionsEnded'; tokenHashes: string[] }
  | { kind: 'member'; guideId: string; userId: string; reason: 'removed' | 'roleChanged' }
  | { kind: 'guideState'; guideId: string; state: GuideState }
  | { kind: 'sectionLock'; docName: string; locked: boolean; reason: string };

/** setTimeout cannot wait longer than 2^31-1 ms (about 24.8 days); sessions last 30. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Everything that changes what an open socket may do, applied the moment it happens: a member
 * removed or given another role, a section locked or reopened, a session ended (logout, password
 * change, reset, expiry). Each change closes the sockets it concerns; a closed connection handles
 * no further frame, so nothing sent after the change is applied.
 */
export class AccessChanges {
  private readonly socketsByGuide = new Map<string, Set<TrackedSocket>>();
  private readonly socketsBySession = new Map<string, Set<TrackedSocket>>();

  constructor(private readonly options: AccessChangesOptions) {}

  /** Remembers a socket until it closes, so access changes can reach it. */
  track(socket: TrackedSocket): void {
    if (!this.options.isSessionLive(socket.sessionTokenHash)) {
      socket.close(CloseCode.unauthenticated, 'session ended; sign in again');
      return;
    }
    addTo(this.socketsByGuide, socket.guideId, socket);
    addTo(this.socketsBySession, socket.sessionTokenHash, socket);
    let expiry: NodeJS.Timeout | null = null;
    const scheduleExpiry = () => {
      const left = socket.sessionExpiresAt - Date.now();
      if (left <= 0) {
        socket.close(CloseCode.unauthenticated, 'session expired; sign in again');
        return;
      }
      expiry = setTimeout(scheduleExpiry, Math.min(left, MAX_TIMER_MS));
      expiry.unref();
    };
    socket.onClose(() => {
      if (expiry) clearTimeout(expiry);
      removeFrom(this.socketsByGuide, socket.guideId, socket);
      removeFrom(this.socketsBySession, socket.sessionTokenHash, socket);
    });
    scheduleExpiry();
  }

  /** Hands each change to the other nodes (set when this node joins others). */
  share: ((change: AccessChange) => void) | null = null;

  /** Applies a change another node made (without handing it on again). */
  applyShared(change: AccessChange): void {
    if (change.kind === 'sessionsEnded') this.closeSessions(change.tokenHashes);
    else if (change.kind === 'member') this.closeMember(change.guideId, change.userId, change.reason);
    else if (change.kind === 'guideState') this.closeGuide(change.guideId, change.state);
    else this.lockSection(change.docName, change.locked, change.reason);
  }

  /** Closes every socket authenticated by these sessions, at once and finally (4401). */
  sessionsEnded(tokenHashes: Iterable<string>): void {
    const hashes = [...tokenHashes];
    this.closeSessions(hashes);
    this.share?.({ kind: 'sessionsEnded', tokenHashes: hashes });
  }

  /** Closes a member's sockets in a guide: finally when removed, for a reconnect when the role changed. */
  disconnectMember(guideId: string, userId: string, reason: 'removed' | 'roleChanged'): void {
    this.closeMember(guideId, userId, reason);
    this.share?.({ kind: 'member', guideId, userId, reason });
  }

  /**
   * A guide was archived, brought back or put in the trash: every socket of the guide is closed,
   * for a reconnect with the rights the guide's new state leaves (archived: read-only) or finally
   * when it went to the trash. Like a section lock, a client whose updates were dropped would
   * otherwise stay diverged, so closing is also what resynchronises it.
   */
  guideStateChanged(guideId: string, state: GuideState): void {
    this.closeGuide(guideId, state);
    this.share?.({ kind: 'guideState', guideId, state });
  }

  /**
   * Locks or unlocks a section's content for every client (validated, or in the trash). Takes
   * effect at once on a loaded room (each update is checked against the room's flag when it
   * arrives, so sockets already open are covered) and on rooms loaded later.
   *
   * When the lock changes, the document's sockets are also closed with 4000 so that clients
   * reconnect and resynchronise: our client then shows the new state (read-only or editable), and
   * a client whose updates were dropped while locked would otherwise stay diverged, every later
   * update of its waiting on the ones we dropped. After reopening, that full resync merges what it
   * wrote meanwhile like offline edits.
   */
  setSectionLocked(docName: string, locked: boolean, reason = locked ? 'section locked (in review or validated): read-only' : 'section reopened'): void {
    this.lockSection(docName, locked, reason);
    this.share?.({ kind: 'sectionLock', docName, locked, reason });
  }

  private closeSessions(tokenHashes: Iterable<string>): void {
    for (const tokenHash of tokenHashes) {
      for (const socket of [...(this.socketsBySession.get(tokenHash) ?? [])]) {
        socket.close(CloseCode.unauthenticated, 'session ended; sign in again');
      }
    }
  }

  private closeMember(guideId: string, userId: string, reason: 'removed' | 'roleChanged'): void {
    for (const socket of [...(this.socketsByGuide.get(guideId) ?? [])]) {
      if (socket.userId !== userId) continue;
      if (reason === 'removed') socket.close(CloseCode.accessRevoked, 'you were removed from this guide');
      else socket.close(CloseCode.accessChanged, 'your role changed; reconnect');
    }
  }

  private closeGuide(guideId: string, state: GuideState): void {
    for (const socket of [...(this.socketsByGuide.get(guideId) ?? [])]) {
      if (state === 'trashed') socket.close(CloseCode.guideTrashed, 'this guide was put in the trash');
      else socket.close(CloseCode.accessChanged, state === 'archived' ? 'guide archived: read-only' : 'guide restored');
    }
  }

  private lockSection(docName: string, locked: boolean, reason: string): void {
    if (!this.options.applySectionLock(docName, locked)) return;
    for (const sockets of this.socketsByGuide.values()) {
      for (const socket of [...sockets]) {
        if (socket.docName === docName) socket.close(CloseCode.accessChanged, reason);
      }
    }
  }
}

function addTo<K>(index: Map<K, Set<TrackedSocket>>, key: K, socket: TrackedSocket): void {
  let sockets = index.get(key);
  if (!sockets) index.set(key, (sockets = new Set()));
  sockets.add(socket);
}

function removeFrom<K>(index: Map<K, Set<TrackedSocket>>, key: K, socket: TrackedSocket): void {
  const sockets = index.get(key);
  if (!sockets) return;
  sockets.delete(socket);
  if (sockets.size === 0) index.delete(key);
}
