import * as Y from 'yjs';
import { GUIDE_ROOM_VERSIONS } from '@dalil/shared';
import type { DocStore } from '../storage/docStore.ts';
import { DocPersistence, type PersistenceLogger, type PersistenceOptions } from './docPersistence.ts';
import { Room, SERVER_ORIGIN, type RoomKind } from './room.ts';

/** While edits never pause, derived data is still refreshed every this many settle delays. */
const SETTLE_MAX_WAIT_FACTOR = 10;

export interface RoomRegistryOptions {
  persistence: PersistenceOptions;
  /**
   * Told about a section's content once edits pause for `settleDelayMs` (at the latest ten delays
   * into a stretch of edits without pause) and when it leaves memory, for derived data such as
   * word counts (never on every keystroke): see sectionSettled.ts.
   */
  onSectionSettled?: (name: string, doc: Y.Doc, lastMemberEditAt: number | null) => void;
  settleDelayMs: number;
  /** Keep an empty room this long before unloading it, so a quick reconnect does not reload. */
  unloadDelayMs: number;
  /** Told when a room enters and leaves memory (several nodes: the room is linked to the others meanwhile). */
  roomLifecycle?: { loaded(room: Room): void; unloading(room: Room): void };
}

/**
 * The live documents' lifecycle: loads a room on first use, unloads it once its last member left
 * and all its updates are durable. Sockets and what they may do are AccessChanges' business;
 * announcements in guide rooms are GuideAnnouncements'; derived data is sectionSettled's.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Section documents whose content is locked (validated or trashed): the one place this lives, rooms read it. */
  private readonly locked = new Set<string>();

  constructor(
    private readonly store: DocStore,
    private readonly options: RoomRegistryOptions,
    private readonly logger: PersistenceLogger,
    /** Current structure version of a guide, to initialise its room. */
    private readonly guideStructureVersion: (guideId: string) => number,
  ) {}

  get(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** The loaded room, or a load in progress; never two loads of one document. */
  acquire(name: string, kind: RoomKind, guideId: string): Promise<Room> {
    this.cancelUnload(name);
    const loaded = this.rooms.get(name);
    if (loaded) return Promise.resolve(loaded);
    let pending = this.loading.get(name);
    if (!pending) {
      pending = (kind === 'guide' ? Promise.resolve(this.createGuideRoom(name, guideId)) : this.loadSection(name))
        .then((room) => {
          this.rooms.set(name, room);
          this.options.roomLifecycle?.loaded(room);
          return room;
        })
        .finally(() => this.loading.delete(name));
      this.loading.set(name, pending);
    }
    return pending;
  }

  /** Called when a member left; unloads the room later if nobody came back. */
  release(room: Room): void {
    if (room.members.size > 0 || this.unloadTimers.has(room.name)) return;
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.name);
      void this.unload(room);
    }, this.options.unloadDelayMs);
    timer.unref();
    this.unloadTimers.set(room.name, timer);
  }

  /**
   * Sets whether clients may change a section's content (the socket side of a lock lives in
   * AccessChanges). Returns whether the flag changed.
   */
  setSectionLocked(name: string, locked: boolean): boolean {
    if (this.locked.has(name) === locked) return false;
    if (locked) this.locked.add(name);
    else this.locked.delete(name);
    return true;
  }

  /**
   * Reads a section's document where it lives (the live room, or loaded for the occasion and
   * unloaded later if nobody opens it), without copying it: `read` runs synchronously on the doc.
   */
  async readSection<T>(guideId: string, name: string, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.acquire(name, 'section', guideId);
    try {
      return read(room.doc);
    } finally {
      this.release(room);
    }
  }


  /**
   * Reads several sections' documents at one instant: all are loaded first, then `read` runs
   * synchronously on all of them, so no update can land between two of the reads.
   */
  async readSections<T>(guideId: string, names: readonly string[], read: (docs: ReadonlyMap<string, Y.Doc>) => T): Promise<T> {
    const settled = await Promise.allSettled(names.map((name) => this.acquire(name, 'section', guideId)));
    const rooms = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    try {
      const failed = settled.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      return read(new Map(rooms.map((room) => [room.name, room.doc])));
    } finally {
      for (const room of rooms) this.release(room);
    }
  }

  /**
   * Runs a server-side change on a section's live document (loading it if needed), as one
   * transaction: members receive it like any edit and it is stored like any edit. Used for what
   * clients may not write themselves, such as comment anchors.
   */
  editSection<T>(guideId: string, docName: string, edit: (doc: Y.Doc) => T): Promise<T> {
    return this.readSection(guideId, docName, (doc) => doc.transact(() => edit(doc), SERVER_ORIGIN));
  }

  /** Resolves after the next change to a loaded section, or after `timeoutMs`. */
  nextSectionChange(docName: string, timeoutMs: number): Promise<void> {
    const room = this.rooms.get(docName);
    if (!room) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        room.doc.off('update', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      room.doc.on('update', done);
    });
  }

  /** Resolves when every loaded document's updates are durable. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.loading.values()].map((p) => p.catch(() => undefined)));
    await Promise.all([...this.rooms.values()].map((room) => room.persistence?.whenIdle()));
  }

  /** Names of loaded rooms with updates not yet durable (for health and shutdown reports). */
  unsavedRooms(): string[] {
    return [...this.rooms.values()].filter((r) => r.persistence && !r.persistence.isIdle).map((r) => r.name);
  }

  private createGuideRoom(name: string, guideId: string): Room {
    const room = new Room(name, 'guide');
    room.doc.getArray<number>(GUIDE_ROOM_VERSIONS).push([this.guideStructureVersion(guideId)]);
    return room;
  }

  private async loadSection(name: string): Promise<Room> {
    const loaded = await this.store.load(name);
    const onSettled = this.options.onSectionSettled;
    const quietMs = this.options.settleDelayMs;
    return new Room(name, 'section', {
      loadedUpdates: loaded.updates,
      locks: this.locked,
      settle: onSettled && {
        quietMs,
        maxWaitMs: quietMs * SETTLE_MAX_WAIT_FACTOR,
        onSettled: (room) => onSettled(name, room.doc, room.lastMemberEditAt),
      },
      persistence: (room) =>
        new DocPersistence(
          name,
          room.doc,
          this.store,
          this.options.persistence,
          this.logger,
          (snapshot) => room.broadcastSaved(snapshot),
          () => room.wantsSavedSnapshots(),
          loaded.snapshotBytes,
        ),
    });
  }

  private async unload(room: Room): Promise<void> {
    if (room.persistence) {
      await room.persistence.whenIdle();
      // Leave a compact file behind so that the next open reads one update, not the whole log.
      if (room.members.size === 0) await room.persistence.compactIfLogged();
    }
    // Someone may have joined while we waited for the disk.
    if (room.members.size > 0 || this.rooms.get(room.name) !== room || this.unloadTimers.has(room.name)) return;
    if (room.persistence && !room.persistence.isIdle) return this.release(room);
    this.rooms.delete(room.name);
    this.options.roomLifecycle?.unloading(room);
    room.settleNow();
    room.destroy();
    if (room.kind === 'section') await this.store.release(room.name);
    this.logger.debug?.({ event: 'unloaded', doc: room.name }, 'document unloaded');
  }

  private cancelUnload(name: string): void {
    const timer = this.unloadTimers.get(name);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(name);
    }
  }
}

