import { guideState, isContentLocked, type GuideState } from '@dalil/shared';
import type { ReplacedRecords } from '../storage/metadataStore.ts';
import type { AccessChanges } from './accessChanges.ts';

/**
 * Live access follows records put in place from the database (several nodes: another node's
 * change, or records read back after a failure or after the link between nodes was down): sections
 * now locked or reopened, members removed or given another role, a guide archived, restored or
 * trashed, sessions ended. The events other nodes send say the same thing sooner; this is what
 * makes access right even when an event was missed or raced its record.
 */
export function followReplacedRecords(access: AccessChanges): (replaced: ReplacedRecords) => void {
  return ({ guides, endedSessions }) => {
    if (endedSessions.length > 0) access.applyShared({ kind: 'sessionsEnded', tokenHashes: endedSessions });
    for (const { before, after } of guides) {
      if (!after) {
        if (before) access.applyShared({ kind: 'guideState', guideId: before.guide.id, state: 'trashed' });
        continue;
      }
      const guideId = after.guide.id;
      const state: GuideState = guideState(after.guide);
      if (before && guideState(before.guide) !== state) access.applyShared({ kind: 'guideState', guideId, state });
      for (const section of after.sections) {
        const locked = isContentLocked(section.status) || section.deletedAt !== null;
        // applied only where the flag differs: sockets are closed only for a real change
        access.applyShared({ kind: 'sectionLock', docName: section.docName, locked, reason: locked ? 'section locked (in review or validated): read-only' : 'section reopened' });
      }
      if (!before) continue;
      const roles = new Map(after.memberships.map((m) => [m.userId, m.role]));
      for (const membership of before.memberships) {
        const role = roles.get(membership.userId);
        if (role === undefined) access.applyShared({ kind: 'member', guideId, userId: membership.userId, reason: 'removed' });
        else if (role !== membership.role) access.applyShared({ kind: 'member', guideId, userId: membership.userId, reason: 'roleChanged' });
      }
    }
  };
}
