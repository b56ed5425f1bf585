import type { AccessChange } from '../collaboration/accessChanges.ts';
import type { Announcement } from '../collaboration/guideAnnouncements.ts';
import type { CommittedRecord } from '../storage/postgres/pgMetadataBackend.ts';

/**
 * What one node tells the others on the shared events channel, in the order it happened there:
 * records it committed (their copies follow), then what those changes mean for live sockets and
 * guide rooms. One channel, one publishing connection per node, so a node's events arrive in order.
 */
export type ClusterEvent =
  | { type: 'records'; records: CommittedRecord[] }
  | { type: 'access'; change: AccessChange }
  | { type: 'announce'; announcement: Announcement }
  /** "My link was down: what I published meanwhile was lost; read the records again." */
  | { type: 'resync' };

/**
 * The shape of a message read from Redis, checked before anything acts on it: a message of a newer
 * node (rolling upgrade) or garbage is dropped, never thrown into the node.
 */
export function parseClusterMessage(raw: string): ClusterMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(parsed) || typeof parsed.node !== 'string' || !isObject(parsed.event)) return null;
  const event = parsed.event;
  switch (event.type) {
    case 'resync':
      return { node: parsed.node, event: { type: 'resync' } };
    case 'records':
      if (!Array.isArray(event.records) || !event.records.every(isCommittedRecord)) return null;
      return { node: parsed.node, event: { type: 'records', records: event.records } };
    case 'access':
      return isAccessChange(event.change) ? { node: parsed.node, event: { type: 'access', change: event.change } } : null;
    case 'announce': {
      const a = event.announcement;
      if (!isObject(a) || typeof a.guideId !== 'string' || typeof a.key !== 'string' || typeof a.version !== 'number') return null;
      return { node: parsed.node, event: { type: 'announce', announcement: { guideId: a.guideId, key: a.key, version: a.version } } };
    }
    default:
      return null;
  }
}

const RECORD_KINDS = ['accounts', 'guide', 'threads', 'workflow', 'notifications'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCommittedRecord(value: unknown): value is CommittedRecord {
  return (
    isObject(value) &&
    RECORD_KINDS.includes(value.kind as string) &&
    typeof value.id === 'string' &&
    Number.isInteger(value.version) &&
    (value.json === null || typeof value.json === 'string')
  );
}

function isAccessChange(value: unknown): value is AccessChange {
  if (!isObject(value)) return false;
  const strings = (...keys: string[]) => keys.every((k) => typeof value[k] === 'string');
  switch (value.kind) {
    case 'sessionsEnded':
      return Array.isArray(value.tokenHashes) && value.tokenHashes.every((h) => typeof h === 'string');
    case 'member':
      return strings('guideId', 'userId') && (value.reason === 'removed' || value.reason === 'roleChanged');
    case 'guideState':
      return strings('guideId') && ['active', 'archived', 'trashed'].includes(value.state as string);
    case 'sectionLock':
      return strings('docName', 'reason') && typeof value.locked === 'boolean';
    default:
      return false;
  }
}

export interface ClusterMessage {
  node: string;
  event: ClusterEvent;
}

export const EVENTS_CHANNEL = 'dalil:events';
export const roomChannel = (name: string) => `dalil:room:${name}`;
export const ROOM_CHANNEL_PREFIX = 'dalil:room:';
