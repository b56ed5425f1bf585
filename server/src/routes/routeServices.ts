import type * as Y from 'yjs';
import type { ThreadRepository } from '../storage/threadRepository.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { LoginThrottle } from '../auth/loginThrottle.ts';

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
}
