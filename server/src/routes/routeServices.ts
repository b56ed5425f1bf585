import type { ThreadRepository } from '../storage/threadRepository.ts';
import type { SuggestionRepository } from '../storage/suggestionRepository.ts';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { MemberRepository } from '../storage/memberRepository.ts';
import type { GuideAccess } from '../auth/guideAccess.ts';
import type { LoginThrottle } from '../auth/loginThrottle.ts';
import type { NotificationRepository } from '../storage/notificationRepository.ts';
import type { WorkflowRepository } from '../storage/workflowRepository.ts';
import type { SnapshotStore } from '../storage/snapshotStore.ts';
import type { VersionStore } from '../storage/versionStore.ts';
import type { MetadataStore } from '../storage/metadataStore.ts';
import type { LiveDocuments } from '../collaboration/liveDocuments.ts';

export type { LiveDocuments };

export interface RouteServices {
  guides: GuideRepository;
  accounts: AccountRepository;
  members: MemberRepository;
  threads: ThreadRepository;
  suggestions: SuggestionRepository;
  access: GuideAccess;
  live: LiveDocuments;
  secret: Buffer;
  loginThrottle: LoginThrottle;
  loginRatePerMinute: number;
  notifications: NotificationRepository;
  workflow: WorkflowRepository;
  snapshots: SnapshotStore;
  versions: VersionStore;
  /** For use cases whose changes span repositories in one step. */
  metadata: MetadataStore;
  /** Days a trashed guide stays restorable (GUIDE_TRASH_DAYS). */
  guideTrashDays: number;
}
