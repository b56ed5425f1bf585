import type * as Y from 'yjs';
import type { AccountRepository } from '../storage/accountRepository.ts';
import type { GuideRepository } from '../storage/guideRepository.ts';
import type { SnapshotStore } from '../storage/snapshotStore.ts';
import type { VersionStore } from '../storage/versionStore.ts';
import type { WorkflowRepository } from '../storage/workflowRepository.ts';

/** What version use cases need of the live documents (the room registry provides it). */
export interface SectionDocuments {
  readSections<T>(guideId: string, docNames: readonly string[], read: (docs: ReadonlyMap<string, Y.Doc>) => T): Promise<T>;
  editSection<T>(guideId: string, docName: string, edit: (doc: Y.Doc) => T): Promise<T>;
}

/** Everything the version use cases work with; callable from a route, the admin CLI or a test. */
export interface VersionDeps {
  guides: GuideRepository;
  workflow: WorkflowRepository;
  snapshots: SnapshotStore;
  versions: VersionStore;
  accounts: AccountRepository;
  live: SectionDocuments;
}
