import pg from 'pg';
import { seedRecords, type SeededMetadata, type SeedOptions } from './metadataSeed.ts';

/**
 * The same records as `seedMetadata` writes into files, as rows of `metadata_records` (one JSONB row
 * per record, version 1, as the server writes a new record), in a database whose schema and
 * benchmark account the admin CLI created, with no server running.
 */
export async function seedMetadataRows(databaseUrl: string, guides: number, sections: number, benchEmail: string, options: SeedOptions = {}): Promise<SeededMetadata> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ data: { users: Array<{ id: string; email: string }> } }>("SELECT data FROM metadata_records WHERE kind = 'accounts' AND id = 'accounts'");
    if (!rows[0]) throw new Error('no accounts record in the database (did the admin CLI add the benchmark account?)');
    const { records, seeded } = seedRecords(rows[0].data, guides, sections, benchEmail, options);
    await client.query('BEGIN');
    const [accounts, ...others] = records;
    await client.query("UPDATE metadata_records SET data = $1::json WHERE kind = 'accounts' AND id = 'accounts'", [JSON.stringify(accounts!.data)]);
    // a few hundred rows per statement: one round trip each, parameters well under the 65,535 limit
    for (let i = 0; i < others.length; i += 200) {
      const batch = others.slice(i, i + 200);
      await client.query('INSERT INTO metadata_records (kind, id, data, version) SELECT k, i, d::json, 1 FROM unnest($1::text[], $2::text[], $3::text[]) AS t(k, i, d)', [
        batch.map((r) => r.kind),
        batch.map((r) => r.id),
        batch.map((r) => JSON.stringify(r.data)),
      ]);
    }
    await client.query('COMMIT');
    await client.query('ANALYZE metadata_records');
    return seeded;
  } finally {
    await client.end();
  }
}
