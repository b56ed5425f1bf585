import type * as Y from 'yjs';
import type { ThreadRepository } from '../storage/threadRepository.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { LoginThrottle } from '../auth/loginThrottle.ts';
import type { NotificationRepository } from '../storage/notificationRepository.ts';
import type { WorkflowRepository } from '../storage/workflowRepository.ts';
import type { SnapshotStore } from '../storage/snapshotStore.ts';
import type { VersionStore } from '../storage/versionStore.ts';

/**
 * What routes may do to live documents: the room registry implements it, routes never import it.
 */
export interface LiveDocuments {
  structureChanged(guideId: string, version: number): void;
  /** Closes a user's sockets in a guide (removed: final code; role changed: they reconnect with new rights). */
  disconnectMember(guideId: string, userId: string, reason: 'removed' | 'roleChanged'): void;
  threadsChanged(guideId: string): void;
  /** Runs a server-side change on a section's live document, in one transaction. */
  editSection<T>(guideId: string, docName: string, edit: (doc: Y.Doc) => T): Promise<T>;
  /** Resolves after the section's next change, or after `timeoutMs`. */
  nextSectionChange(docName: string, timeoutMs: number): Promise<void>;
  /** Drops (or accepts again) every client update to a section's document, sockets already open included. */
  setSectionLocked(docName: string, locked: boolean): void;
  /** Reads a section's document (live, or loaded for the occasion); `read` runs synchronously on it. */
  readSection<T>(docName: string, guideId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** Reads several sections' documents at one instant (all loaded, then `read` runs synchronously). */
  readSections<T>(guideId: string, docNames: readonly string[], read: (docs: ReadonlyMap<string, Y.Doc>) => T): Promise<T>;
}

export interface RouteServices {
  guides: GuideRepository;
  accounts: AccountRepository;
  members: MemberRepository;
  threads: ThreadRepository;
  access: GuideAccess;
  live: LiveDocuments;
  secret: Buffer;
  loginThrottle: LoginThrottle;
  loginRatePerMinute: number;
  notifications: NotificationRepository;
  workflow: WorkflowRepository;
  snapshots: SnapshotStore;
  versions: VersionStore;
}
