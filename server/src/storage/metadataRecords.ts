import type { Guide, Invitation, Membership, Notification, Section, Session, Thread, User, WorkflowEvent } from '@dalil/shared';

/** Version of the per-file metadata layout; the single metadata.json of earlier versions was 1. */
export const METADATA_SCHEMA_VERSION = 2;

/** One guide and everything that belongs to it alone: what one guide file holds. */
export interface GuideRecords {
  schemaVersion: typeof METADATA_SCHEMA_VERSION;
  guide: Guide;
  sections: Section[];
  memberships: Membership[];
  invitations: Invitation[];
  /** Every workflow transition of the guide's sections, oldest first (the sections' history). */
  workflowEvents: WorkflowEvent[];
  threads: Thread[];
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

export const newGuideRecords = (guide: Guide): GuideRecords => ({
  schemaVersion: METADATA_SCHEMA_VERSION,
  guide,
  sections: [],
  memberships: [],
  invitations: [],
  workflowEvents: [],
  threads: [],
});

/** Fills in the fields later versions added, so older records read like new ones. */
export function withCurrentFields(records: GuideRecords): GuideRecords {
  const full: GuideRecords = { ...newGuideRecords(records.guide), ...records, schemaVersion: METADATA_SCHEMA_VERSION };
  full.guide.requireResolvedThreads ??= true;
  full.guide.numbering ??= { enabled: true, unnumberedSectionIds: [] };
  for (const section of full.sections) {
    section.authorIds ??= [];
    section.reviewerIds ??= [];
    section.wordCount ??= 0;
    section.dueDate ??= null;
    section.editedAt ??= null;
  }
  return full;
}
