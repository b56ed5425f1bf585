import type { AccessChanges } from '../collaboration/accessChanges.ts';
import type { GuideAnnouncements } from '../collaboration/guideAnnouncements.ts';
import type { PgMetadataBackend } from '../storage/postgres/pgMetadataBackend.ts';
import { RedisCluster, type ClusterLogger } from './redisCluster.ts';

export interface ClusterParts {
  metadata: PgMetadataBackend;
  announcements: GuideAnnouncements;
  accessChanges: AccessChanges;
}

/**
 * Joins this node to the others (REDIS_URL): what it commits, announces and changes in access is
 * published; what the others publish is applied here. Rooms are linked by the registry's lifecycle
 * hook (see app.ts). After the link was down, records are re-read and every socket of this node
 * reconnects, so access changes missed meanwhile apply.
 */
export function joinCluster(url: string, parts: ClusterParts, log: ClusterLogger): RedisCluster {
  const cluster: RedisCluster = new RedisCluster(
    url,
    {
      onEvent: (event) => {
        if (event.type === 'records') parts.metadata.applyShared(event.records);
        else if (event.type === 'access') parts.accessChanges.applyShared(event.change);
        else parts.announcements.applyShared(event.announcement);
      },
      onLinkRestored: async () => {
        const reread = await parts.metadata.catchUp();
        log.info({ records: reread }, 're-read the records other nodes changed while the link was down');
        parts.accessChanges.reconnectAll('the link between servers was restored; reconnect');
      },
    },
    log,
  );
  parts.metadata.committed = (records) => cluster.publishEvent({ type: 'records', records });
  parts.announcements.share = (announcement) => cluster.publishEvent({ type: 'announce', announcement });
  parts.accessChanges.share = (change) => cluster.publishEvent({ type: 'access', change });
  return cluster;
}
