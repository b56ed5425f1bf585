import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { awarenessMessage, savedMessage, updateMessage } from './protocol.ts';
import type { DocPersistence } from './docPersistence.ts';
import { SettleTimer } from './settleTimer.ts';

/** What a room needs to know about a socket bound to it. */
export interface RoomMember {
  send(message: Uint8Array): void;
  readonly wantsSaved: boolean;
  /** Awareness client ids this member announced; removed when it leaves. */
  readonly awarenessIds: Set<number>;
  /** The account behind the member: an awareness client id belongs to it. */
  readonly userId: string;
}

export type RoomKind = 'section' | 'guide';

/** What a section room is given when it is made; guide rooms need none of it. */
export interface SectionRoomParts {
  /** The stored updates, applied before anything listens, so they are not written back. */
  loadedUpdates: readonly Uint8Array[];
  /** Makes the room's persistence once the stored state is in the document. */
  persistence: (room: Room) => DocPersistence;
  /**
   * Derived data (word counts, detached threads) refreshed once edits pause `quietMs`, at the
   * latest `maxWaitMs` into a stretch without pause, and when the room unloads.
   */
  settle?: { quietMs: number; maxWaitMs: number; onSettled: (room: Room) => void };
  /** Section documents whose content is locked (validated or trashed): the one place lock state lives. */
  locks: ReadonlySet<string>;
}

/** Marks changes that come from storage, so they are not written back. */
export const LOAD_ORIGIN = Symbol('load');
/** Marks changes the server itself makes (comment anchors): stored and relayed like any edit. */
export const SERVER_ORIGIN = Symbol('server');
/**
 * Marks changes another node relayed (several nodes): stored and sent to this room's sockets, but
 * derived data is the business of the node where the change was made (two nodes recording the same
 * word count at the same instant would only collide on the record).
 */
export const RELAY_ORIGIN = Symbol('relay');

/**
 * One live document: its Y.Doc, the awareness of everyone in it, the sockets bound to it, and (for
 * sections) its persistence. Relays every change to the other members.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly members = new Set<RoomMember>();
  /** Sections only: guide rooms are rebuilt from metadata and hold nothing to store. */
  readonly persistence: DocPersistence | null;
  private readonly settle: SettleTimer | null;
  private readonly locks: ReadonlySet<string> | null;
  /** When a member's change was last applied (ms since epoch), for "last activity". */
  lastMemberEditAt: number | null = null;
  /**
   * Who first used each awareness client id in this room, for the room's lifetime: nobody else
   * may speak for that id (relabel someone's cursor, or remove their presence).
   */
  private readonly awarenessOwners = new Map<number, { userId: string; member: RoomMember | null }>();

  constructor(name: string, kind: 'guide');
  constructor(name: string, kind: 'section', parts: SectionRoomParts);
  constructor(
    readonly name: string,
    readonly kind: RoomKind,
    parts?: SectionRoomParts,
  ) {
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    if (parts && parts.loadedUpdates.length > 0) {
      this.doc.transact(() => {
        for (const update of parts.loadedUpdates) Y.applyUpdate(this.doc, update);
      }, LOAD_ORIGIN);
    }
    this.locks = parts?.locks ?? null;
    this.persistence = parts ? parts.persistence(this) : null;
    const settle = parts?.settle;
    this.settle = settle ? new SettleTimer(settle.quietMs, settle.maxWaitMs, () => settle.onSettled(this)) : null;
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /**
   * A validated or trashed section: updates sent by clients are dropped, whoever sends them, until
   * it is reopened. Changes the server makes itself (comment anchors) still apply.
   */
  get locked(): boolean {
    return this.locks?.has(this.name) ?? false;
  }

  /** Whether clients may change this document now (guide rooms are server-written only). */
  get acceptsClientUpdates(): boolean {
    return this.kind === 'section' && !this.locked;
  }

  /**
   * What is durable now, for the client's "saved" indicator. Guide rooms hold nothing that could be
   * lost: all of it counts as saved.
   */
  savedSnapshot(): Uint8Array | null {
    return this.persistence ? this.persistence.savedSnapshot() : Y.encodeSnapshot(Y.snapshot(this.doc));
  }

  /** Refreshes derived data now (the room is leaving memory). */
  settleNow(): void {
    this.settle?.flush();
  }

  add(member: RoomMember): void {
    this.members.add(member);
  }

  /**
   * May `member` send awareness for `clientId`? The first to use an id owns it. The same account
   * on a new socket takes it over (a reconnecting client keeps its id while the server may not yet
   * have noticed the old socket is gone); another account never does.
   */
  claimAwarenessId(clientId: number, member: RoomMember): boolean {
    const owner = this.awarenessOwners.get(clientId);
    if (owner && owner.userId !== member.userId) return false;
    if (owner?.member && owner.member !== member) owner.member.awarenessIds.delete(clientId);
    this.awarenessOwners.set(clientId, { userId: member.userId, member });
    return true;
  }

  /** Removes a member and its presence; returns how many remain. */
  remove(member: RoomMember): number {
    if (!this.members.delete(member)) return this.members.size;
    for (const id of member.awarenessIds) {
      const owner = this.awarenessOwners.get(id);
      if (owner?.member === member) owner.member = null;
    }
    if (member.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...member.awarenessIds], member);
    }
    return this.members.size;
  }

  broadcastSaved(snapshot: Uint8Array): void {
    let message: Uint8Array | null = null;
    for (const member of this.members) {
      if (!member.wantsSaved) continue;
      message ??= savedMessage(snapshot);
      member.send(message);
    }
  }

  wantsSavedSnapshots(): boolean {
    for (const member of this.members) if (member.wantsSaved) return true;
    return false;
  }

  destroy(): void {
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin !== LOAD_ORIGIN) {
      this.persistence?.enqueue(update);
      if (origin !== RELAY_ORIGIN) this.settle?.touch();
    }
    if (this.members.has(origin as RoomMember)) this.lastMemberEditAt = Date.now();
    if (this.members.size === 0 || (this.members.size === 1 && this.members.has(origin as RoomMember))) return;
    const message = updateMessage(update);
    for (const member of this.members) {
      if (member !== origin) member.send(message);
    }
  };

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (this.members.has(origin as RoomMember)) {
      const member = origin as RoomMember;
      for (const id of added) member.awarenessIds.add(id);
      for (const id of updated) member.awarenessIds.add(id);
      for (const id of removed) member.awarenessIds.delete(id);
    }
    if (changed.length === 0 || this.members.size === 0) return;
    const message = awarenessMessage(this.awareness, changed);
    for (const member of this.members) {
      if (member !== origin) member.send(message);
    }
  };
}
