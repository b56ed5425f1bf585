import type * as Y from 'yjs';
import type { GuideState } from '@dalil/shared';
import type { AccessChanges } from './accessChanges.ts';
import type { RoomRegistry } from './roomRegistry.ts';
import type { GuideAnnouncements } from './guideAnnouncements.ts';

/**
 * What use cases and routes may do to live documents (built below from the room registry and
 * AccessChanges); neither imports those.
 */
export interface LiveDocuments {
  structureChanged(guideId: string, version: number): void;
  /** Closes a user's sockets in a guide (removed: final code; role changed: they reconnect with new rights). */
  disconnectMember(guideId: string, userId: string, reason: 'removed' | 'roleChanged'): void;
  threadsChanged(guideId: string): void;
  /** The newest settled-content announcement live in the guide's room on this node, if any. */
  contentVersion(guideId: string): number | null;
  suggestionsChanged(guideId: string): void;
  /** A guide was archived, restored or trashed: its sockets reconnect with what its new state allows (or close for good). */
  guideStateChanged(guideId: string, state: GuideState): void;
  /** Runs a server-side change on a section's live document, in one transaction. */
  editSection<T>(guideId: string, docName: string, edit: (doc: Y.Doc) => T): Promise<T>;
  /** Resolves after the section's next change, or after `timeoutMs`. */
  nextSectionChange(docName: string, timeoutMs: number): Promise<void>;
  /**
   * Drops (or accepts again) every client update to a section's document, sockets already open
   * included (validated or trashed sections); `reason` is what the closed sockets are told.
   */
  setSectionLocked(docName: string, locked: boolean, reason?: string): void;
  /** Reads a section's document (live, or loaded for the occasion); `read` runs synchronously on it. */
  readSection<T>(guideId: string, docName: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** Reads several sections' documents at one instant (all loaded, then `read` runs synchronously). */
  readSections<T>(guideId: string, docNames: readonly string[], read: (docs: ReadonlyMap<string, Y.Doc>) => T): Promise<T>;
}

/** The facade use cases see: documents from the registry, guide-room news from GuideAnnouncements, what sockets may do from AccessChanges. */
export function liveDocuments(registry: RoomRegistry, announcements: GuideAnnouncements, accessChanges: AccessChanges): LiveDocuments {
  return {
    structureChanged: (guideId, version) => announcements.structureChanged(guideId, version),
    threadsChanged: (guideId) => announcements.threadsChanged(guideId),
    contentVersion: (guideId) => announcements.contentVersion(guideId),
    suggestionsChanged: (guideId) => announcements.suggestionsChanged(guideId),
    editSection: (guideId, docName, edit) => registry.editSection(guideId, docName, edit),
    nextSectionChange: (docName, timeoutMs) => registry.nextSectionChange(docName, timeoutMs),
    readSection: (guideId, docName, read) => registry.readSection(guideId, docName, read),
    readSections: (guideId, docNames, read) => registry.readSections(guideId, docNames, read),
    guideStateChanged: (guideId, state) => accessChanges.guideStateChanged(guideId, state),
    disconnectMember: (guideId, userId, reason) => accessChanges.disconnectMember(guideId, userId, reason),
    setSectionLocked: (docName, locked, reason) => accessChanges.setSectionLocked(docName, locked, reason),
  };
}
