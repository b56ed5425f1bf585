import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { isSnapshotCovered } from '@dalil/shared';
import { migrate } from '@dalil/server/storage/postgres/pgSchema.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser, TEST_PASSWORD } from '../helpers/accounts.ts';
import { Api } from '../helpers/api.ts';
import { connectClient } from '../helpers/yClient.ts';
import { trackSaved } from '../helpers/savedTracker.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { freePort, PostgresCluster } from '../helpers/postgres/postgresCluster.ts';
import { spawnServer } from '../helpers/serverProcess.ts';

/** Production mode on a PostgreSQL of this file's own (it is stopped and started on purpose). */
describe('PostgreSQL store', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => {
    cluster = await PostgresCluster.create();
  }, 120_000);
  afterAll(() => cluster?.destroy());

  const count = async (url: string, sql: string): Promise<number> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>(sql);
      return Number(rows[0]!.n);
    } finally {
      await client.end();
    }
  };

  it('keeps metadata and section documents in the database, not in the data dir; a restart on another data dir finds everything', async () => {
    const url = await cluster.createDatabase('restart_db');
    const first = await startServer({ DATABASE_URL: url });
    const owner = await createUser(first, 'Leila');
    const { guide, section } = await owner.api.guideWithSection();
    const client = connectClient(first.wsUrl, section.docName, { cookie: owner.cookie });
    const saved = trackSaved(client.provider);
    await client.synced();
    client.text.insert(0, 'Le conseil municipal délibère');
    await waitFor('edit saved', () => {
      const s = saved.last();
      return s !== null && isSnapshotCovered(Y.snapshot(client.doc), s);
    });
    client.destroy();
    expect(existsSync(join(first.dataDir, 'metadata'))).toBe(false);
    expect(existsSync(join(first.dataDir, 'docs'))).toBe(false);
    expect(await count(url, `SELECT count(*) AS n FROM metadata_records WHERE kind = 'guide'`)).toBe(1);
    expect(await count(url, 'SELECT (SELECT count(*) FROM doc_updates) + (SELECT count(*) FROM doc_snapshots) AS n')).toBeGreaterThan(0);
    await first.dispose();

    // Another node (another data dir) on the same database: the same guide, text and account.
    const second = await startServer({ DATABASE_URL: url });
    try {
      const api = new Api(second.url);
      await api.login(owner.user.email, TEST_PASSWORD);
      expect((await api.getGuide(guide.id)).title).toBe(guide.title);
      const reader = connectClient(second.wsUrl, section.docName, { cookie: api.cookie! });
      await reader.synced();
      expect(reader.text.toString()).toBe('Le conseil municipal délibère');
      reader.destroy();
    } finally {
      await second.dispose();
    }
  });

  it('a node whose database cannot be reached does not start, and says why in one line', async () => {
    const dir = tempDir();
    try {
      const nowhere = `postgres://dalil@127.0.0.1:${await freePort()}/nowhere`;
      await expect(spawnServer(dir.path, { DATABASE_URL: nowhere })).rejects.toThrow(/dalil: the database at 127\.0\.0\.1:\d+\/nowhere cannot be reached/);
    } finally {
      dir.remove();
    }
  });

  it('database stopped during a storm of metadata changes: the node stays up, answers 503, and accepts changes once it is back', async () => {
    const url = await cluster.createDatabase('metadata_storm_db');
    const server = await startServer({ DATABASE_URL: url, RATE_LIMIT_PER_MINUTE: '100000' });
    try {
      const owner = await createUser(server, 'Amel');
      const { guide } = await owner.api.guideWithSection();
      let stop = false;
      const statuses: number[] = [];
      // several changes in flight at any time: some are mid-transaction when the database stops
      const storm = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; !stop && i < 2000; i++) {
          const res = await owner.api.request('POST', `/api/guides/${guide.id}/sections`, { title: `Section ${w}-${i}` });
          statuses.push(res.status);
        }
      });
      await waitFor('some changes stored', () => statuses.filter((s) => s === 201).length >= 10);
      await cluster.stop();
      await waitFor('changes refused with 503 while the database is away', () => statuses.includes(503), { timeoutMs: 15_000 });
      await cluster.start();
      await waitFor('changes accepted again', () => statuses.lastIndexOf(201) > statuses.lastIndexOf(503), { timeoutMs: 30_000 });
      stop = true;
      await Promise.all(storm);
      expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
      // what was acknowledged is what a fresh node reads
      const acknowledged = statuses.filter((s) => s === 201).length;
      const again = await startServer({ DATABASE_URL: url });
      try {
        const api = new Api(again.url);
        await api.login(owner.user.email, TEST_PASSWORD);
        const sections = (await api.getGuide(guide.id)).sections.filter((s) => s.title.startsWith('Section '));
        // a commit whose answer was lost may be stored although it was reported uncertain (503)
        expect(sections.length).toBeGreaterThanOrEqual(acknowledged);
        expect(sections.length).toBeLessThanOrEqual(acknowledged + 4);
      } finally {
        await again.dispose();
      }
    } finally {
      await server.dispose();
    }
  });

  it('two nodes starting together on an empty database apply each schema step once', async () => {
    const url = await cluster.createDatabase('migrate_db');
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: url, max: 1 }));
    try {
      const applied = await Promise.all(pools.map((pool) => migrate(pool)));
      // exactly one of them applied the steps; the others found them done
      expect(applied.filter((a) => a.length > 0)).toHaveLength(1);
      expect(await count(url, 'SELECT count(*) AS n FROM schema_migrations')).toBe(applied.flat().length);
      const [a, b] = await Promise.all([startServer({ DATABASE_URL: url }), startServer({ DATABASE_URL: url })]);
      await Promise.all([a.dispose(), b.dispose()]);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('database stopped mid-storm: edits keep flowing, nobody is told "saved", REST answers 503; once it is back everything is stored', async () => {
    const url = await cluster.createDatabase('outage_db');
    const dir = tempDir();
    let server: TestServer | null = await startServer({ DATABASE_URL: url }, { dataDir: dir.path });
    try {
      const owner = await createUser(server, 'Karim');
      const { guide, section } = await owner.api.guideWithSection();
      const writer = connectClient(server.wsUrl, section.docName, { cookie: owner.cookie });
      const watcher = connectClient(server.wsUrl, section.docName, { cookie: owner.cookie });
      const saved = trackSaved(writer.provider);
      await Promise.all([writer.synced(), watcher.synced()]);
      const covered = () => {
        const s = saved.last();
        return s !== null && isSnapshotCovered(Y.snapshot(writer.doc), s);
      };
      writer.text.insert(0, 'avant;');
      await waitFor('first edit saved', covered);

      await cluster.stop();
      for (let i = 0; i < 40; i++) writer.text.insert(writer.text.length, `e${i};`);
      // The relay does not need the database: the other client has every edit.
      await waitFor('edits relayed while the database is down', () => watcher.text.toString() === writer.text.toString(), { timeoutMs: 15_000 });
      expect(covered()).toBe(false);
      const refused = await owner.api.request<{ error: string; message: string }>('POST', `/api/guides/${guide.id}/sections`, { title: 'Pendant la panne' });
      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe('database_unavailable');
      expect(refused.body.message).toMatch(/database/i);
      // reads are served from memory meanwhile
      expect((await owner.api.request('GET', `/api/guides/${guide.id}`)).status).toBe(200);
      expect(covered()).toBe(false);

      await cluster.start();
      await waitFor('edits saved once the database is back', covered, { timeoutMs: 30_000 });
      // the section refused during the outage does not exist; changes are accepted again
      await waitFor('changes accepted again', async () => (await owner.api.request('POST', `/api/guides/${guide.id}/sections`, { title: 'Après la panne' })).status === 201, {
        timeoutMs: 15_000,
      });
      const titles = (await owner.api.ok<{ sections: Array<{ title: string }> }>('GET', `/api/guides/${guide.id}`)).sections.map((s) => s.title);
      expect(titles).toContain('Après la panne');
      expect(titles).not.toContain('Pendant la panne');
      const expected = writer.text.toString();
      writer.destroy();
      watcher.destroy();
      await server.stop();
      server = null;

      // What was confirmed is what a fresh node reads: each edit once, none lost.
      server = await startServer({ DATABASE_URL: url });
      const api = new Api(server.url);
      await api.login(owner.user.email, TEST_PASSWORD);
      const reader = connectClient(server.wsUrl, section.docName, { cookie: api.cookie! });
      await reader.synced();
      expect(reader.text.toString()).toBe(expected);
      expect(expected.match(/e\d+;/g)).toHaveLength(40);
      reader.destroy();
    } finally {
      await server?.dispose();
      dir.remove();
    }
  });
});
