import type pg from 'pg';
import { newestFirst, type VersionManifest, type VersionManifests } from '../versionStore.ts';

/**
 * Version manifests as rows (production mode): immutable once written, read from the database on
 * each request (a version made on another node is there at once), never cached.
 */
export class PgVersionManifests implements VersionManifests {
  constructor(private readonly pool: pg.Pool) {}

  async save(manifest: VersionManifest, json: string): Promise<void> {
    await this.pool.query('INSERT INTO version_manifests (id, guide_id, created_at, manifest) VALUES ($1, $2, $3, $4::json)', [
      manifest.id,
      manifest.guideId,
      manifest.createdAt,
      json,
    ]);
  }

  async list(guideId: string): Promise<VersionManifest[]> {
    const { rows } = await this.pool.query<{ manifest: VersionManifest }>('SELECT manifest FROM version_manifests WHERE guide_id = $1', [guideId]);
    return rows.map((r) => r.manifest).sort(newestFirst);
  }

  async find(versionId: string): Promise<VersionManifest | undefined> {
    const { rows } = await this.pool.query<{ manifest: VersionManifest }>('SELECT manifest FROM version_manifests WHERE id = $1', [versionId]);
    return rows[0]?.manifest;
  }
}
