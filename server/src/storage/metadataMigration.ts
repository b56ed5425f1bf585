import { mkdir, open, readFile, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isValidDocName } from '@dalil/shared';
import {
  ACCOUNTS_FILE,
  GUIDE_METADATA_DIR,
  LEGACY_METADATA_FILE,
  METADATA_DIR,
  METADATA_FILE_EXT,
  METADATA_MIGRATION_DIR,
  METADATA_SUBDIRS,
  NOTIFICATIONS_DIR,
  THREADS_DIR,
  WORKFLOW_DIR,
} from './dataDirLayout.ts';
import { fileExists, fsyncDir } from './durableFile.ts';
import {
  METADATA_SCHEMA_VERSION,
  withCurrentFields,
  type AccountRecords,
  type GuideFile,
  type GuideRecords,
  type LegacyMetadata,
  type NotificationRecords,
  type ThreadsFile,
  type WorkflowFile,
} from './metadataRecords.ts';

/** The single metadata file cannot be split without losing something; the message says what. */
export class MetadataMigrationError extends Error {}

export interface SplitMetadata {
  accounts: AccountRecords;
  guides: Array<{ main: GuideFile; threads: ThreadsFile; workflow: WorkflowFile }>;
  notifications: Map<string, NotificationRecords>;
}

/**
 * Splits the single-file layout into the per-file one. Every record lands in exactly one file; a
 * record of a guide that does not exist (or an id unfit for a file name) has nowhere to go, so it
 * stops the migration rather than being dropped.
 */
export function splitLegacyMetadata(legacy: Partial<LegacyMetadata>): SplitMetadata {
  const guides = new Map<string, GuideRecords>();
  for (const guide of legacy.guides ?? []) {
    if (!isValidDocName(guide.id)) throw new MetadataMigrationError(`guide id ${JSON.stringify(guide.id)} cannot name a file`);
    if (guides.has(guide.id)) throw new MetadataMigrationError(`guide ${guide.id} is listed twice`);
    guides.set(guide.id, { guide, sections: [], memberships: [], invitations: [], workflowEvents: [], threads: [], suggestions: [] });
  }
  const orphans: string[] = [];
  const place = <K extends 'sections' | 'memberships' | 'invitations' | 'workflowEvents' | 'threads'>(kind: K, records: Array<GuideRecords[K][number]> | undefined) => {
    for (const record of records ?? []) {
      const owner = guides.get(record.guideId);
      if (owner) (owner[kind] as Array<GuideRecords[K][number]>).push(record);
      else orphans.push(`${kind} of guide ${record.guideId}`);
    }
  };
  place('sections', legacy.sections);
  place('memberships', legacy.memberships);
  place('invitations', legacy.invitations);
  place('workflowEvents', legacy.workflowEvents);
  place('threads', legacy.threads);
  if (orphans.length > 0) {
    throw new MetadataMigrationError(`${orphans.length} records belong to no guide (${[...new Set(orphans)].slice(0, 3).join(', ')})`);
  }
  const notifications = new Map<string, NotificationRecords>();
  for (const n of legacy.notifications ?? []) {
    if (!isValidDocName(n.userId)) throw new MetadataMigrationError(`user id ${JSON.stringify(n.userId)} cannot name a file`);
    let mine = notifications.get(n.userId);
    if (!mine) notifications.set(n.userId, (mine = { schemaVersion: METADATA_SCHEMA_VERSION, notifications: [] }));
    mine.notifications.push(n);
  }
  return {
    accounts: { schemaVersion: METADATA_SCHEMA_VERSION, users: legacy.users ?? [], sessions: legacy.sessions ?? [] },
    guides: [...guides.values()].map(({ guide, sections, memberships, invitations, threads, workflowEvents }) => ({
      main: withCurrentFields({ schemaVersion: METADATA_SCHEMA_VERSION, guide, sections, memberships, invitations }),
      threads: { schemaVersion: METADATA_SCHEMA_VERSION, threads, suggestions: [] },
      workflow: { schemaVersion: METADATA_SCHEMA_VERSION, workflowEvents },
    })),
    notifications,
  };
}

/**
 * Moves a data dir from the single metadata.json to the per-file layout, once. Safe to kill at any
 * point: the new layout is written and fsynced in a staging directory, renamed into place in one
 * step, and only then is the old file removed. On the next start:
 * - staging dir but no new layout: the migration did not finish; metadata.json is intact, start over;
 * - new layout and metadata.json: the rename happened; the old file is only left to remove, once
 *   checked to be the one migrated (every guide and account it holds is in the new layout): a
 *   metadata.json put there by hand is refused with a message, never deleted.
 * Resolves with whether it migrated anything.
 */
export async function migrateSingleFileMetadata(dataDir: string): Promise<boolean> {
  const legacyPath = join(dataDir, LEGACY_METADATA_FILE);
  const target = join(dataDir, METADATA_DIR);
  const staging = join(dataDir, METADATA_MIGRATION_DIR);
  await rm(staging, { recursive: true, force: true });
  if (!(await fileExists(legacyPath))) return false;
  let legacy: Partial<LegacyMetadata>;
  try {
    legacy = JSON.parse(await readFile(legacyPath, 'utf8')) as Partial<LegacyMetadata>;
  } catch (err) {
    throw new MetadataMigrationError(`${legacyPath} cannot be read: ${(err as Error).message}`);
  }
  if (await fileExists(target)) {
    await requireMigratedInto(target, legacy, legacyPath);
    await unlink(legacyPath);
    await fsyncDir(dataDir);
    return false;
  }
  const split = splitLegacyMetadata(legacy);

  for (const sub of METADATA_SUBDIRS) await mkdir(join(staging, sub), { recursive: true, mode: 0o700 });
  const file = (sub: string, id: string) => join(staging, sub, id + METADATA_FILE_EXT);
  await writeSynced(join(staging, ACCOUNTS_FILE), split.accounts);
  for (const { main, threads, workflow } of split.guides) {
    await writeSynced(file(GUIDE_METADATA_DIR, main.guide.id), main);
    if (threads.threads.length > 0) await writeSynced(file(THREADS_DIR, main.guide.id), threads);
    if (workflow.workflowEvents.length > 0) await writeSynced(file(WORKFLOW_DIR, main.guide.id), workflow);
  }
  for (const [userId, records] of split.notifications) await writeSynced(file(NOTIFICATIONS_DIR, userId), records);
  for (const sub of METADATA_SUBDIRS) await fsyncDir(join(staging, sub));
  await fsyncDir(staging);

  await rename(staging, target);
  await fsyncDir(dataDir);
  await unlink(legacyPath);
  await fsyncDir(dataDir);
  return true;
}

/** Throws unless every guide and account of `legacy` is in the per-file layout at `target`. */
async function requireMigratedInto(target: string, legacy: Partial<LegacyMetadata>, legacyPath: string): Promise<void> {
  let userIds: Set<string>;
  try {
    const accounts = JSON.parse(await readFile(join(target, ACCOUNTS_FILE), 'utf8')) as Partial<AccountRecords>;
    userIds = new Set((accounts.users ?? []).map((u) => u.id));
  } catch {
    userIds = new Set();
  }
  const missingGuides: string[] = [];
  for (const guide of legacy.guides ?? []) {
    if (!isValidDocName(guide.id) || !(await fileExists(join(target, GUIDE_METADATA_DIR, guide.id + METADATA_FILE_EXT)))) missingGuides.push(guide.id);
  }
  const missingUsers = (legacy.users ?? []).filter((u) => !userIds.has(u.id)).map((u) => u.id);
  if (missingGuides.length > 0 || missingUsers.length > 0) {
    throw new MetadataMigrationError(
      `${legacyPath} holds ${missingGuides.length} guides and ${missingUsers.length} accounts that ${target} lacks; ` +
        `both layouts are present: move one of them out of the data dir`,
    );
  }
}

async function writeSynced(path: string, data: unknown): Promise<void> {
  const fh = await open(path, 'wx', 0o600);
  try {
    await fh.writeFile(JSON.stringify(data));
    await fh.sync();
  } finally {
    await fh.close();
  }
}
