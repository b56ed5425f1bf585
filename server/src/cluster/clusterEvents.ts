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
  | { type: 'announce'; announcement: Announcement };

export interface ClusterMessage {
  node: string;
  event: ClusterEvent;
}

export const EVENTS_CHANNEL = 'dalil:events';
export const roomChannel = (name: string) => `dalil:room:${name}`;
export const ROOM_CHANNEL_PREFIX = 'dalil:room:';
