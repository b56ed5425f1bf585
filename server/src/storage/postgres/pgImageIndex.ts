import type pg from 'pg';
import type { ImageIndex } from '../../images/imageIndex.ts';
import type { ImageRecord } from '../../images/imageStore.ts';

/** Guides' image lists as rows (production mode): read from the database on each request, never cached. */
export class PgImageIndex implements ImageIndex {
  constructor(private readonly pool: pg.Pool) {}

  async add(guideId: string, record: ImageRecord): Promise<{ record: ImageRecord; created: boolean }> {
    const inserted = await this.pool.query('INSERT INTO guide_images (guide_id, image_id, record) VALUES ($1, $2, $3::json) ON CONFLICT DO NOTHING', [
      guideId,
      record.id,
      JSON.stringify(record),
    ]);
    if (inserted.rowCount === 1) return { record, created: true };
    // listed meanwhile (another upload of the same bytes, on this node or another)
    return { record: (await this.find(guideId, record.id)) ?? record, created: false };
  }

  async find(guideId: string, imageId: string): Promise<ImageRecord | null> {
    const { rows } = await this.pool.query<{ record: ImageRecord }>('SELECT record FROM guide_images WHERE guide_id = $1 AND image_id = $2', [guideId, imageId]);
    return rows[0]?.record ?? null;
  }

  async list(guideId: string): Promise<ImageRecord[]> {
    const { rows } = await this.pool.query<{ record: ImageRecord }>('SELECT record FROM guide_images WHERE guide_id = $1 ORDER BY added', [guideId]);
    return rows.map((r) => r.record);
  }

  async forget(guideId: string): Promise<void> {
    await this.pool.query('DELETE FROM guide_images WHERE guide_id = $1', [guideId]);
  }
}
