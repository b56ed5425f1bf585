import type { AccessChanges } from '../collaboration/accessChanges.ts';
import type { GuideAnnouncements } from '../collaboration/guideAnnouncements.ts';
import type { PgMetadataBackend } from '../storage/postgres/pgMetadataBackend.ts';
import { RedisCluster, type ClusterLogger } from './redisCluster.ts';

export interface ClusterParts {
  metadata: PgMetadataBackend;
  announcements: GuideAnnouncements;
  accessChanges: AccessChanges;
}

/** Even with every event delivered, each node compares its records with the database this often. */
export const CATCH_UP_INTERVAL_MS = 30_000;

/**
 * Joins this node to the others (REDIS_URL): what it commits, announces and changes in access is
 * published; what the others publish is applied here. Rooms are linked by the registry's lifecycle
 * hook (see app.ts). Whenever the link comes up (at start, after an outage, or when another node's
 * link came back) and every CATCH_UP_INTERVAL_MS, the records whose stored version differs from
 * this node's copy are read again; live access follows what changed (followReplacedRecords.ts), so
 * an event lost with Redis costs at most that delay, never a wrong right for good.
 */
export function joinCluster(url: string, parts: ClusterParts, log: ClusterLogger): RedisCluster {
  const catchUp = (why: string) =>
    parts.metadata.catchUp().then(
      (reread) => {
        if (reread > 0) log.info({ records: reread, why }, 're-read the records other nodes changed');
      },
      (err: Error) => log.warn({ err: err.message, why }, 'could not compare the records with the database'),
    );
  const cluster: RedisCluster = new RedisCluster(
    url,
    {
      onEvent: (event) => {
        if (event.type === 'records') parts.metadata.applyShared(event.records);
        else if (event.type === 'access') parts.accessChanges.applyShared(event.change);
        else if (event.type === 'announce') parts.announcements.applyShared(event.announcement);
        else void catchUp('another node’s link came back');
      },
      onLinkUp: () => catchUp('link up'),
    },
    log,
  );
  const timer = setInterval(() => void catchUp('periodic'), CATCH_UP_INTERVAL_MS);
  timer.unref();
  cluster.onClose(() => clearInterval(timer));
  parts.metadata.committed = (records) => cluster.publishEvent({ type: 'records', records });
  parts.announcements.share = (announcement) => cluster.publishEvent({ type: 'announce', announcement });
  parts.accessChanges.share = (change) => cluster.publishEvent({ type: 'access', change });
  return cluster;
}
