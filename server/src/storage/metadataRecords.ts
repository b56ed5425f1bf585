import type { Guide, Invitation, Membership, Notification, Section, Session, Thread, User, WorkflowEvent } from '@dalil/shared';
import type { SuggestionRecord } from './suggestionRepository.ts';

/** Version of the per-file metadata layout; the single metadata.json of earlier versions was 1. */
export const METADATA_SCHEMA_VERSION = 2;

/**
 * One guide and everything that belongs to it alone, as the repositories read it. It is kept in
 * three files, so that a change writes only the part it altered: the guide file (the guide, its
 * sections, members and invitations), its threads file and its workflow file.
 */
export interface GuideRecords {
  readonly guide: Guide;
  sections: Section[];
  memberships: Membership[];
  invitations: Invitation[];
  /** Every workflow transition of the guide's sections, oldest first (the sections' history). */
  workflowEvents: WorkflowEvent[];
  threads: Thread[];
  /** Suggested changes to the guide's sections, open and decided. */
  suggestions: SuggestionRecord[];
}

/** What a guide file holds. */
export interface GuideFile {
  schemaVersion: typeof METADATA_SCHEMA_VERSION;
  guide: Guide;
  sections: Section[];
  memberships: Membership[];
  invitations: Invitation[];
}

/** A guide's review conversation: its comment threads (with their messages) and suggested changes. */
export interface ThreadsFile {
  schemaVersion: typeof METADATA_SCHEMA_VERSION;
  threads: Thread[];
  suggestions: SuggestionRecord[];
}

/** A guide's workflow history, oldest first. */
export interface WorkflowFile {
  schemaVersion: typeof METADATA_SCHEMA_VERSION;
  workflowEvents: WorkflowEvent[];
}

/** Users and their sessions: the accounts file. */
export interface AccountRecords {
  schemaVersion: typeof METADATA_SCHEMA_VERSION;
  users: User[];
  sessions: Session[];
}

/** One person's notifications, oldest first: one notifications file. */
export interface NotificationRecords {
  schemaVersion: typeof METADATA_SCHEMA_VERSION;
  notifications: Notification[];
}

/** The single-file layout (schema version 1), as earlier versions wrote it. */
export interface LegacyMetadata {
  schemaVersion: 1;
  guides: Guide[];
  sections: Section[];
  users: User[];
  sessions: Session[];
  memberships: Membership[];
  invitations: Invitation[];
  workflowEvents: WorkflowEvent[];
  notifications: Notification[];
  threads: Thread[];
}

export const emptyAccounts = (): AccountRecords => ({ schemaVersion: METADATA_SCHEMA_VERSION, users: [], sessions: [] });

export const emptyNotifications = (): NotificationRecords => ({ schemaVersion: METADATA_SCHEMA_VERSION, notifications: [] });

export const newGuideFile = (guide: Guide): GuideFile => ({ schemaVersion: METADATA_SCHEMA_VERSION, guide, sections: [], memberships: [], invitations: [] });

export const emptyThreads = (): ThreadsFile => ({ schemaVersion: METADATA_SCHEMA_VERSION, threads: [], suggestions: [] });

/** Threads files written before suggestions existed have none. */
export const threadsWithCurrentFields = (file: ThreadsFile): ThreadsFile => ({ ...emptyThreads(), ...file });

export const emptyWorkflow = (): WorkflowFile => ({ schemaVersion: METADATA_SCHEMA_VERSION, workflowEvents: [] });

/** Fills in the fields later versions added, so older records read like new ones. */
export function withCurrentFields(records: GuideFile): GuideFile {
  const full: GuideFile = { ...newGuideFile(records.guide), ...records, schemaVersion: METADATA_SCHEMA_VERSION };
  full.guide.requireResolvedThreads ??= true;
  full.guide.numbering ??= { enabled: true, unnumberedSectionIds: [] };
  full.guide.archivedAt ??= null;
  full.guide.deletedAt ??= null;
  for (const invitation of full.invitations) {
    invitation.label ??= null;
    invitation.usedBy ??= [];
  }
  for (const section of full.sections) {
    section.authorIds ??= [];
    section.reviewerIds ??= [];
    section.wordCount ??= 0;
    section.dueDate ??= null;
    section.editedAt ??= null;
  }
  return full;
}
