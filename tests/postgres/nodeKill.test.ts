import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import pg from 'pg';
import { PgDocStore } from '@dalil/server/storage/postgres/pgDocStore.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { killIfRunning } from '../helpers/demoServer.ts';
import { runAdmin } from '../helpers/adminCli.ts';
import { Api } from '../helpers/api.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { trackSaved } from '../helpers/savedTracker.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { sleep, waitFor } from '../helpers/waitFor.ts';
import { PostgresCluster } from '../helpers/postgres/postgresCluster.ts';
import { RedisServer } from '../helpers/redis/redisServer.ts';

interface Token {
  text: string;
  client: YClient;
  /** The writer's clock once the token was inserted: confirmed when a "saved" covers it. */
  clock: number;
}

async function storedText(url: string, docName: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const loaded = await new PgDocStore(pool).load(docName);
    const doc = new Y.Doc();
    for (const update of loaded.updates) Y.applyUpdate(doc, update);
    return doc.getText('text').toString();
  } finally {
    await pool.end();
  }
}

/** Two node processes on one PostgreSQL and one Redis; node A is killed while its clients type. */
describe('kill -9 of a node in the middle of an edit storm', () => {
  let postgres: PostgresCluster;
  let redis: RedisServer;
  const dirs = [tempDir(), tempDir()];
  let nodeA: ServerProcess | null = null;
  let nodeB: ServerProcess | null = null;
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([PostgresCluster.create(), RedisServer.create()]);
  }, 120_000);
  afterAll(async () => {
    await Promise.allSettled([killIfRunning(nodeA), killIfRunning(nodeB)]);
    await Promise.allSettled([postgres?.destroy(), redis?.destroy()]);
    for (const dir of dirs) dir.remove();
  });

  it('loses nothing confirmed; the clients of the dead node carry on through the other one', async () => {
    const url = await postgres.createDatabase('node_kill');
    const env = { DATABASE_URL: url, REDIS_URL: redis.url, RATE_LIMIT_PER_MINUTE: '100000' };
    const added = await runAdmin(dirs[0]!.path, ['user:add', '--email', 'karim@test.dalil.tn', '--name', 'Karim', '--password', 'mot-de-passe-solide'], 60_000, env);
    expect(added.code, added.stderr).toBe(0);
    [nodeA, nodeB] = await Promise.all([spawnServer(dirs[0]!.path, env), spawnServer(dirs[1]!.path, env)]);
    const api = new Api(nodeA.url);
    await api.login('karim@test.dalil.tn', 'mot-de-passe-solide');
    const cookie = api.cookie!;
    const { section } = await api.guideWithSection();

    const onA = Array.from({ length: 4 }, () => connectClient(nodeA!.wsUrl, section.docName, { cookie }));
    const watcher = connectClient(nodeB.wsUrl, section.docName, { cookie });
    const trackers = onA.map((c) => trackSaved(c.provider));
    await Promise.all([...onA, watcher].map((c) => c.synced()));
    const tokens: Token[] = [];
    let n = 0;
    const writers = onA.map((client, i) =>
      setInterval(() => {
        const text = `<c${i}t${n++}>`;
        client.text.insert(client.text.length, text);
        tokens.push({ text, client, clock: Y.getState(client.doc.store, client.doc.clientID) });
      }, 10),
    );
    await waitFor('a first token confirmed saved', () => trackers.some((t, i) => (t.last()?.sv.get(onA[i]!.doc.clientID) ?? 0) > 0), { timeoutMs: 20_000 });
    await sleep(300 + Math.floor(Math.random() * 700));
    nodeA.child.kill('SIGKILL');
    writers.forEach(clearInterval);
    await nodeA.exited;

    const confirmed = tokens.filter((t) => {
      const saved = trackers[onA.indexOf(t.client)]!.last();
      return saved !== null && (saved.sv.get(t.client.doc.clientID) ?? 0) >= t.clock;
    });
    expect(confirmed.length).toBeGreaterThan(0);
    const stored = await storedText(url, section.docName);
    expect(confirmed.filter((t) => !stored.includes(t.text)).map((t) => t.text), 'confirmed tokens missing from the database').toEqual([]);

    // A load balancer would send them to node B: the same documents reconnect there.
    const moved = onA.map((c) => {
      c.provider.destroy();
      return connectClient(nodeB!.wsUrl, section.docName, { cookie, doc: c.doc });
    });
    await Promise.all(moved.map((c) => c.synced()));
    const all = tokens.map((t) => t.text);
    const everyOnce = (text: string) => {
      const found = text.match(/<c\d+t\d+>/g) ?? [];
      return found.length === all.length && new Set(found).size === all.length;
    };
    await waitFor('node B and every client hold every token once', () => [watcher, ...moved].every((c) => everyOnce(c.text.toString())), { timeoutMs: 20_000 });
    moved[0]!.text.insert(0, 'après;');
    await waitFor('editing carries on through node B', () => watcher.text.toString().startsWith('après;'));
    for (const c of [...moved, watcher]) c.destroy();
    await waitFor('node B stored everything', async () => everyOnce(await storedText(url, section.docName)), { timeoutMs: 20_000 });
    expect(nodeB.output()).not.toMatch(/"level":(50|60)/);
  }, 180_000);
});
