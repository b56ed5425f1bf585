import { GUIDE_ROOM_CONTENT, GUIDE_ROOM_SUGGESTIONS, GUIDE_ROOM_THREADS, GUIDE_ROOM_VERSIONS, guideRoomName } from '@dalil/shared';
import type { Room } from './room.ts';

/** One announcement, as it travels between nodes. */
export interface Announcement {
  guideId: string;
  key: string;
  version: number;
}

/**
 * What live clients of a guide hear in its guide room: the table of contents, the comment threads
 * or section contents changed. Each is a version number clients compare with what they last
 * loaded, then refetch over REST; a guide nobody has open is told nothing.
 */
export class GuideAnnouncements {
  private lastAnnouncedVersion = 0;
  /** Hands each announcement to the other nodes (several nodes): their guide rooms hear it too. */
  share: ((announcement: Announcement) => void) | null = null;

  constructor(
    /** The loaded room of that name, if any (the registry owns rooms). */
    private readonly loadedRoom: (name: string) => Room | undefined,
  ) {}

  /** Announces in this node's room what another node announced. */
  applyShared({ guideId, key, version }: Announcement): void {
    this.applyLocally(guideId, key, version);
  }

  /** The table of contents changed (its version is the guide's structure version). */
  structureChanged(guideId: string, version: number): void {
    this.announce(guideId, GUIDE_ROOM_VERSIONS, version);
  }

  threadsChanged(guideId: string): void {
    this.announce(guideId, GUIDE_ROOM_THREADS, this.nextAnnouncedVersion());
  }

  /** A suggestion was made, accepted or rejected. */
  suggestionsChanged(guideId: string): void {
    this.announce(guideId, GUIDE_ROOM_SUGGESTIONS, this.nextAnnouncedVersion());
  }

  /** Section contents settled (word counts, last edits). */
  contentChanged(guideId: string): void {
    this.announce(guideId, GUIDE_ROOM_CONTENT, this.nextAnnouncedVersion());
  }

  /**
   * The newest settled-content version the guide's room holds on this node (null: the room is not
   * loaded, or nothing settled since it was). A guide reply carries it, so a page whose room connects
   * later can tell a change it missed in between from what it already loaded.
   */
  contentVersion(guideId: string): number | null {
    const room = this.loadedRoom(guideRoomName(guideId));
    if (!room) return null;
    let newest: number | null = null;
    for (const value of room.doc.getArray<number>(GUIDE_ROOM_CONTENT)) if (newest === null || value > newest) newest = value;
    return newest;
  }

  /** Increasing across restarts too (clients compare with what they saw before a reconnect). */
  private nextAnnouncedVersion(): number {
    this.lastAnnouncedVersion = Math.max(Date.now(), this.lastAnnouncedVersion + 1);
    return this.lastAnnouncedVersion;
  }

  /** Replaces the room's entries by the new version: clients read the maximum, and the room stays small however long it lives. */
  private announce(guideId: string, key: string, version: number): void {
    this.applyLocally(guideId, key, version);
    this.share?.({ guideId, key, version });
  }

  private applyLocally(guideId: string, key: string, version: number): void {
    const room = this.loadedRoom(guideRoomName(guideId));
    if (!room) return;
    room.doc.transact(() => {
      const versions = room.doc.getArray<number>(key);
      versions.delete(0, versions.length);
      versions.push([version]);
    });
  }
}
