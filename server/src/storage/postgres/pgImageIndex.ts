import type pg from 'pg';
import { inTransaction } from './pgPool.ts';
import type { ImageIndex } from '../../images/imageIndex.ts';
import type { ImageRecord } from '../../images/imageStore.ts';

/** Guides' image lists as rows (production mode): read from the database on each request, never cached. */
export class PgImageIndex implements ImageIndex {
  constructor(private readonly pool: pg.Pool) {}

  /** One transaction for the whole list (an import's images). */
  addMany(guideId: string, records: ImageRecord[]): Promise<Array<{ record: ImageRecord; created: boolean }>> {
    return inTransaction(this.pool, async (client) => {
      const results: Array<{ record: ImageRecord; created: boolean }> = [];
      for (const record of records) {
        const inserted = await client.query('INSERT INTO guide_images (guide_id, image_id, record) VALUES ($1, $2, $3::json) ON CONFLICT DO NOTHING', [
          guideId,
          record.id,
          JSON.stringify(record),
        ]);
        if (inserted.rowCount === 1) {
          results.push({ record, created: true });
          continue;
        }
        // listed before (earlier in this list, or another upload of the same bytes on any node)
        const { rows } = await client.query<{ record: ImageRecord }>('SELECT record FROM guide_images WHERE guide_id = $1 AND image_id = $2', [guideId, record.id]);
        results.push({ record: rows[0]?.record ?? record, created: false });
      }
      return results;
    });
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

  async listedIds(): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ image_id: string }>('SELECT DISTINCT image_id FROM guide_images');
    return new Set(rows.map((r) => r.image_id));
  }
}
