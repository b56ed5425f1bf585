/**
 * Production mode (`BENCH_ONLY=cluster`): what PostgreSQL (DATABASE_URL) and several nodes joined by
 * Redis (REDIS_URL) cost, each against the embedded single node in the same run. On one 2-core
 * machine the nodes, PostgreSQL and Redis share the cores, so this measures cost, not speed-up:
 *
 * 1. edit → every other client with 10 stock clients on one section: embedded node, PostgreSQL node,
 *    two nodes + Redis with the clients split between them (same-node and cross-node pairs apart);
 * 2. edit → saved with the file store and with PostgreSQL;
 * 3. server CPU per edit during (1): one node, and the sum of both nodes (each stores what it relays);
 * 4. metadata changes (create section, post comment) with 1,000 guides and 100,000 notifications
 *    seeded in each store, one at a time (latency) and 8 at a time (operations per second).
 *
 * PostgreSQL and Redis are the tests' own (Debian packages, temp dirs, loopback), with
 * `synchronous_commit=on` and fsync on, on the same disk as the file store's data dirs.
 */
import { PostgresCluster } from '../../tests/helpers/postgres/postgresCluster.ts';
import { RedisServer } from '../../tests/helpers/redis/redisServer.ts';
import { Api } from '../../tests/helpers/api.ts';
import type { BenchSession } from '../support/benchSession.ts';
import { BENCH_EMAIL, BENCH_PASSWORD } from '../support/dalilSetup.ts';
import { seedMetadataRows } from '../support/metadataRows.ts';
import { seedMetadata, type SeededMetadata, type SeedOptions } from '../support/metadataSeed.ts';
import type { BenchServer } from '../support/processes.ts';
import { pidsWithCommandLine, treeCpuMs } from '../support/processTree.ts';
import { absoluteRow, ratioRow } from '../support/rows.ts';
import { measureSavedLatency } from '../support/savedLatency.ts';
import type { Scenario } from '../support/scenario.ts';
import { measureSplitPropagation, type SplitPropagationRun } from '../support/splitPropagation.ts';
import { inParallel, median, round, sleep, summarize, type Summary } from '../support/stats.ts';
import type { Row } from '../support/table.ts';

const env = (name: string, fallback: number) => Number(process.env[name]) || fallback;

/** Propagation: clients on one section, rounds (a fresh section each), edits per round, pace. */
const CLIENTS = 10;
const ROUNDS = env('BENCH_CLUSTER_ROUNDS', 4);
const EDITS = env('BENCH_CLUSTER_EDITS', 500);
const PACE_MS = 5;
/** Edit → saved: rounds per store (alternating), edits per round, pace. */
const SAVED_ROUNDS = 2;
const SAVED_EDITS = env('BENCH_CLUSTER_SAVED_EDITS', 250);
const SAVED_PACE_MS = 10;
/** Cross-node delivery adds one Redis hop (publish → subscriber) to a relay: "within a few ms". */
const CROSS_NODE_P50_MS = 5;

/**
 * Metadata: 1,000 guides of 10 sections, except two of 200 and two of 2,000 (the sizes at which a
 * change is timed: what a change rewrites is the record of its guide); 500 people with 200
 * notifications each.
 */
const GUIDES = env('BENCH_CLUSTER_GUIDES', 1000);
const GUIDE_SIZES = [10, 200, env('BENCH_CLUSTER_LARGE_SECTIONS', 2000)];
const GUIDES_PER_LARGER_SIZE = 2;
const PEOPLE = 500;
/** The server keeps at most 200 per person: 500 × 200 = 100,000. */
const NOTIFICATIONS_PER_PERSON = 200;
const SEQUENTIAL_PER_KIND = env('BENCH_CLUSTER_META_OPS', 40);
const CONCURRENT_OPS = env('BENCH_CLUSTER_CONCURRENT_OPS', 200);
const CONCURRENCY = 8;

type Config = 'embedded' | 'postgres' | 'twoNodes';
const CONFIGS: Config[] = ['embedded', 'postgres', 'twoNodes'];

export const cluster: Scenario = {
  name: 'cluster',
  async run(bench) {
    bench.log('cluster: starting PostgreSQL and Redis');
    const [postgres, redis] = await Promise.all([PostgresCluster.create(), RedisServer.create()]);
    try {
      const live = await liveEditing(bench, postgres, redis);
      const meta = await metadataStores(bench, postgres);
      return { rows: [...live.rows, ...meta.rows], details: { cluster: { ...live.details, metadata: meta.details } } };
    } finally {
      await bench.stopAll();
      await Promise.allSettled([postgres.destroy(), redis.destroy()]);
    }
  },
};

/** Parts 1–3: propagation, saved and CPU per edit, on three setups alive at once. */
async function liveEditing(bench: BenchSession, postgres: PostgresCluster, redis: RedisServer) {
  const quick = { UNLOAD_DELAY_MS: '100' };
  const { server: embedded } = await bench.dalil('cluster-embedded', { env: quick });
  const singleUrl = await postgres.createDatabase('bench_single');
  const { server: pgNode } = await bench.dalil('cluster-postgres', { env: { ...quick, DATABASE_URL: singleUrl } });
  const nodesUrl = await postgres.createDatabase('bench_nodes');
  const shared = { ...quick, DATABASE_URL: nodesUrl, REDIS_URL: redis.url, FILES_DIR: bench.tempDir('dalil-bench-files-') };
  const { server: nodeA } = await bench.dalil('cluster-node-a', { env: shared });
  const { server: nodeB } = await bench.dalil('cluster-node-b', { env: shared, account: false });

  const contentE = await bench.signIn(embedded);
  const contentP = await bench.signIn(pgNode);
  const contentA = await bench.signIn(nodeA);
  nodeB.cookie = nodeA.cookie; // one session, valid on every node
  const sections: Record<Config, string[]> = {
    embedded: await contentE.createSections(ROUNDS + SAVED_ROUNDS, 'Cluster'),
    postgres: await contentP.createSections(ROUNDS + SAVED_ROUNDS, 'Cluster'),
    twoNodes: await contentA.createSections(ROUNDS, 'Cluster'),
  };
  const setups: Record<Config, BenchServer[]> = { embedded: [embedded], postgres: [pgNode], twoNodes: [nodeA, nodeB] };
  await sleep(500); // node B has the new sections through Redis

  // PostgreSQL's postmaster (its backends are children) and redis-server: their CPU during the edits
  const backing = [...pidsWithCommandLine('postgres', postgres.dir), ...pidsWithCommandLine('redis-server', `:${redis.port}`)];
  const backingCpu = () => treeCpuMs(backing);

  const runs: Record<Config, SplitPropagationRun[]> = { embedded: [], postgres: [], twoNodes: [] };
  bench.log(`cluster: propagation, ${CLIENTS} clients, ${ROUNDS} rounds of ${EDITS} edits per setup`);
  // one unmeasured round warms up the client process's JIT
  await measureSplitPropagation([embedded], sections.embedded[ROUNDS]!, CLIENTS, 100, PACE_MS);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < CONFIGS.length; k++) {
      const config = CONFIGS[(r + k) % CONFIGS.length]!;
      runs[config].push(await measureSplitPropagation(setups[config], sections[config][r]!, CLIENTS, EDITS, PACE_MS, backingCpu));
      await sleep(400); // the round's document unloads (compaction) before the next round
    }
  }

  bench.log(`cluster: edit → saved, file store vs PostgreSQL, ${SAVED_ROUNDS} × ${SAVED_EDITS} edits each`);
  const saved: Record<'embedded' | 'postgres', Summary[]> = { embedded: [], postgres: [] };
  for (let r = 0; r < SAVED_ROUNDS; r++) {
    for (const config of r % 2 ? (['postgres', 'embedded'] as const) : (['embedded', 'postgres'] as const)) {
      saved[config].push(await measureSavedLatency(setups[config][0]!, sections[config][ROUNDS + r]!, SAVED_EDITS, SAVED_PACE_MS));
    }
  }
  await bench.stop(embedded, pgNode, nodeA, nodeB);

  const prop = (config: Config, key: 'sameNode' | 'crossNode') => medianOfRounds(runs[config].map((x) => x[key]));
  const cpuPerEditUs = (config: Config) => (1000 * sum(runs[config].flatMap((x) => x.nodeCpuMs))) / sum(runs[config].map((x) => x.edits));
  const backingPerEditUs = (config: Config) => (1000 * sum(runs[config].map((x) => x.backingCpuMs))) / sum(runs[config].map((x) => x.edits));
  const e = prop('embedded', 'sameNode');
  const p = prop('postgres', 'sameNode');
  const same = prop('twoNodes', 'sameNode');
  const cross = prop('twoNodes', 'crossNode');
  const savedOf = (config: 'embedded' | 'postgres', key: 'p50' | 'p99') => median(saved[config].map((s) => s[key]));
  const label = `${CLIENTS} clients`;
  const rows: Row[] = [
    absoluteRow(`cluster: propagation ${label}, embedded node p50`, 'ms', e.p50, null, undefined, 3),
    absoluteRow(`cluster: propagation ${label}, embedded node p99`, 'ms', e.p99, null, undefined, 3),
    ratioRow(`cluster: propagation ${label}, PostgreSQL node p50 (ref: embedded)`, 'ms', p.p50, e.p50, undefined, 3),
    ratioRow(`cluster: propagation ${label}, PostgreSQL node p99 (ref: embedded)`, 'ms', p.p99, e.p99, undefined, 3),
    ratioRow(`cluster: propagation 2 nodes + Redis, same-node pairs p50 (ref: embedded)`, 'ms', same.p50, e.p50, undefined, 3),
    ratioRow(`cluster: propagation 2 nodes + Redis, same-node pairs p99 (ref: embedded)`, 'ms', same.p99, e.p99, undefined, 3),
    { ...ratioRow(`cluster: propagation 2 nodes + Redis, cross-node pairs p50 (ref: embedded)`, 'ms', cross.p50, e.p50, undefined, 3), target: `≤ ${CROSS_NODE_P50_MS} ms`, pass: cross.p50 <= CROSS_NODE_P50_MS },
    ratioRow(`cluster: propagation 2 nodes + Redis, cross-node pairs p99 (ref: embedded)`, 'ms', cross.p99, e.p99, undefined, 3),
    absoluteRow('cluster: edit → saved, file store (fsync) p50', 'ms', savedOf('embedded', 'p50'), null),
    absoluteRow('cluster: edit → saved, file store (fsync) p99', 'ms', savedOf('embedded', 'p99'), null),
    ratioRow('cluster: edit → saved, PostgreSQL (commit) p50 (ref: file store)', 'ms', savedOf('postgres', 'p50'), savedOf('embedded', 'p50')),
    ratioRow('cluster: edit → saved, PostgreSQL (commit) p99 (ref: file store)', 'ms', savedOf('postgres', 'p99'), savedOf('embedded', 'p99')),
    absoluteRow('cluster: server CPU per edit, embedded node', 'µs', cpuPerEditUs('embedded'), null, undefined, 0),
    ratioRow('cluster: server CPU per edit, PostgreSQL node (ref: embedded)', 'µs', cpuPerEditUs('postgres'), cpuPerEditUs('embedded'), undefined, 0),
    ratioRow('cluster: server CPU per edit, 2 nodes summed (ref: embedded)', 'µs', cpuPerEditUs('twoNodes'), cpuPerEditUs('embedded'), undefined, 0),
    absoluteRow('cluster: PostgreSQL + Redis CPU per edit, 2 nodes', 'µs', backingPerEditUs('twoNodes'), null, undefined, 0),
  ];
  const detailOf = (config: Config) => ({
    sameNodeMedianOfRounds: prop(config, 'sameNode'),
    crossNodeMedianOfRounds: config === 'twoNodes' ? cross : null,
    sameNodePooled: roundSummary(summarize(runs[config].flatMap((x) => x.sameNode))),
    crossNodePooled: config === 'twoNodes' ? roundSummary(summarize(runs[config].flatMap((x) => x.crossNode))) : null,
    toAllPooled: roundSummary(summarize(runs[config].flatMap((x) => x.toAll))),
    perRound: runs[config].map((x) => ({ sameP50: round(summarize(x.sameNode).p50, 3), crossP50: x.crossNode.length ? round(summarize(x.crossNode).p50, 3) : null })),
    nodeCpuMsPerRound: runs[config].map((x) => x.nodeCpuMs),
    backingCpuMsPerRound: runs[config].map((x) => x.backingCpuMs),
    cpuPerEditUs: round(cpuPerEditUs(config), 0),
    postgresAndRedisCpuPerEditUs: round(backingPerEditUs(config), 0),
  });
  return {
    rows,
    details: {
      clients: CLIENTS,
      rounds: ROUNDS,
      editsPerRound: EDITS,
      paceMs: PACE_MS,
      propagation: { embedded: detailOf('embedded'), postgres: detailOf('postgres'), twoNodes: detailOf('twoNodes') },
      saved: { edits: SAVED_EDITS, paceMs: SAVED_PACE_MS, rounds: saved },
    },
  };
}

/** A change (create a section, or post a comment that mentions a member) on a guide of the size at that index of GUIDE_SIZES. */
type OpKind = { what: 'create' | 'comment'; size: number };
const OP_KINDS: OpKind[] = GUIDE_SIZES.flatMap((_, size) => [{ what: 'create' as const, size }, { what: 'comment' as const, size }]);
const kindName = (k: OpKind) => `${k.what}@${GUIDE_SIZES[k.size]}`;

interface StoreSetup {
  store: 'file' | 'postgres';
  server: BenchServer;
  seed: SeededMetadata;
  op(kind: OpKind, i: number): Promise<unknown>;
  /** By kindName. */
  latency: Map<string, number[]>;
  opsPerSec: number[];
}

/** Part 4: the same seeded metadata in each store, changes through the REST API. */
async function metadataStores(bench: BenchSession, postgres: PostgresCluster) {
  // guide index → index in GUIDE_SIZES: the larger guides spread over the list, the rest the smallest size
  const sizeOf = new Map<number, number>();
  const larger = (GUIDE_SIZES.length - 1) * GUIDES_PER_LARGER_SIZE;
  for (let k = 0; k < larger; k++) sizeOf.set(Math.floor(((k + 1) * GUIDES) / (larger + 1)), 1 + Math.floor(k / GUIDES_PER_LARGER_SIZE));
  const sectionsOf = (g: number) => GUIDE_SIZES[sizeOf.get(g) ?? 0]!;
  const options: SeedOptions = { people: PEOPLE, notificationsPerPerson: NOTIFICATIONS_PER_PERSON, sectionsOf };
  const sections = Array.from({ length: GUIDES }, (_, g) => sectionsOf(g)).reduce((a, b) => a + b, 0);
  bench.log(`cluster: metadata, ${GUIDES} guides (${sections} sections), ${PEOPLE * NOTIFICATIONS_PER_PERSON} notifications, in files`);
  let fileSeed: SeededMetadata | null = null;
  const { server: fileServer } = await bench.dalil('cluster-meta-file', {}, (dataDir) => {
    fileSeed = seedMetadata(dataDir, GUIDES, sections, BENCH_EMAIL, options);
  });
  bench.log('cluster: metadata, the same in PostgreSQL rows');
  const url = await postgres.createDatabase('bench_metadata');
  let pgSeed: SeededMetadata | null = null;
  const { server: pgServer } = await bench.dalil('cluster-meta-pg', { env: { DATABASE_URL: url } }, async () => {
    pgSeed = await seedMetadataRows(url, GUIDES, sections, BENCH_EMAIL, options);
  });
  const stores = [await storeSetup('file', fileServer, fileSeed!, sizeOf), await storeSetup('postgres', pgServer, pgSeed!, sizeOf)];

  bench.log(`cluster: metadata changes, ${SEQUENTIAL_PER_KIND} of each kind one at a time, then ${CONCURRENT_OPS} ${CONCURRENCY} at a time`);
  for (let i = 0; i < 5; i++) for (const s of stores) for (const kind of OP_KINDS) await s.op(kind, 1_000_000 + i); // warm-up
  // interleaved one by one, so that both stores meet the same load on a shared machine
  for (let i = 0; i < SEQUENTIAL_PER_KIND; i++) {
    for (const kind of OP_KINDS) {
      for (const s of stores) {
        const t0 = performance.now();
        await s.op(kind, i);
        s.latency.get(kindName(kind))!.push(performance.now() - t0);
      }
    }
  }
  // Throughput: small-guide changes (half sections, half comments), CONCURRENCY in flight; two rounds per store, alternating.
  for (let r = 0; r < 2; r++) {
    for (const s of r % 2 ? [...stores].reverse() : stores) {
      const t0 = performance.now();
      await inParallel(
        Array.from({ length: CONCURRENT_OPS }, (_, i) => i),
        CONCURRENCY,
        async (i) => {
          await s.op({ what: i % 2 ? 'comment' : 'create', size: 0 }, 2_000_000 + r * CONCURRENT_OPS + i);
        },
      );
      s.opsPerSec.push((CONCURRENT_OPS * 1000) / (performance.now() - t0));
    }
  }
  await bench.stop(fileServer, pgServer);

  const [file, pg] = stores as [StoreSetup, StoreSetup];
  const stat = (s: StoreSetup, kind: OpKind) => summarize(s.latency.get(kindName(kind))!);
  const what = (k: OpKind) => `${k.what === 'create' ? 'create section' : 'post comment (mention)'}, ${GUIDE_SIZES[k.size]!.toLocaleString('en')}-section guide`;
  const rows: Row[] = [];
  for (const kind of OP_KINDS) {
    for (const key of ['p50', 'p99'] as const) {
      rows.push(absoluteRow(`cluster: metadata ${what(kind)} ${key}, file store`, 'ms', stat(file, kind)[key], null));
      rows.push(ratioRow(`cluster: metadata ${what(kind)} ${key}, PostgreSQL (ref: file store)`, 'ms', stat(pg, kind)[key], stat(file, kind)[key]));
    }
  }
  rows.push(absoluteRow(`cluster: metadata changes/s, ${CONCURRENCY} in flight, file store`, 'ops/s', median(file.opsPerSec), null, undefined, 0));
  rows.push(ratioRow(`cluster: metadata changes/s, ${CONCURRENCY} in flight, PostgreSQL (ref: file store)`, 'ops/s', median(pg.opsPerSec), median(file.opsPerSec), undefined, 0));
  const firstOfSize = (size: number) => file.seed.guideIds.find((_, g) => (sizeOf.get(g) ?? 0) === size)!;
  return {
    rows,
    details: {
      guides: GUIDES,
      sections,
      guideSizes: GUIDE_SIZES,
      guidesPerLargerSize: GUIDES_PER_LARGER_SIZE,
      people: PEOPLE,
      notifications: file.seed.notifications,
      guideRecordCharsBySize: Object.fromEntries(GUIDE_SIZES.map((n, size) => [n, file.seed.guideBytes.get(firstOfSize(size))])),
      seededJsonChars: file.seed.bytes,
      concurrency: CONCURRENCY,
      stores: stores.map((s) => ({
        store: s.store,
        latencyMs: Object.fromEntries(OP_KINDS.map((k) => [kindName(k), roundSummary(summarize(s.latency.get(kindName(k))!))])),
        opsPerSecRounds: s.opsPerSec.map((x) => round(x, 0)),
        sequentialOpsPerSec: round(1000 / (sum(OP_KINDS.map((k) => summarize(s.latency.get(kindName(k))!).mean)) / OP_KINDS.length), 0),
      })),
    },
  };
}

async function storeSetup(store: 'file' | 'postgres', server: BenchServer, seed: SeededMetadata, sizeOf: Map<number, number>): Promise<StoreSetup> {
  const api = new Api(server.url);
  await api.login(BENCH_EMAIL, BENCH_PASSWORD);
  const bySize = GUIDE_SIZES.map((_, size) => seed.guideIds.filter((_, g) => (sizeOf.get(g) ?? 0) === size));
  const createSection = (guideId: string, i: number) => api.ok('POST', `/api/guides/${guideId}/sections`, { title: `Nouvelle section ${i}` });
  // a reply that mentions a member: the guide's threads record and that person's notifications (200 already) are rewritten
  const postComment = (guideId: string, i: number) =>
    api.ok('POST', `/api/guides/${guideId}/threads/${seed.threadOf.get(guideId)}/messages`, {
      body: `Relu, voir la remarque ${i} sur le calendrier.`,
      mentions: [seed.mentionOf.get(guideId)!],
    });
  return {
    store,
    server,
    seed,
    latency: new Map(OP_KINDS.map((k) => [kindName(k), []])),
    opsPerSec: [],
    op: (kind, i) => {
      // the small guides in a stride (each written a few times at most), the larger ones in turn
      const guides = bySize[kind.size]!;
      const guideId = guides[(i * 7) % guides.length]!;
      return kind.what === 'create' ? createSection(guideId, i) : postComment(guideId, i);
    },
  };
}

/** Percentiles as the median over rounds of each round's percentile (one burst of outside load moves one round). */
function medianOfRounds(rounds: number[][]): { p50: number; p99: number; max: number } {
  const per = rounds.filter((r) => r.length > 0).map((r) => summarize(r));
  if (per.length === 0) return { p50: NaN, p99: NaN, max: NaN };
  return { p50: round(median(per.map((x) => x.p50)), 3), p99: round(median(per.map((x) => x.p99)), 3), max: round(Math.max(...per.map((x) => x.max)), 3) };
}

function roundSummary(s: Summary): Summary {
  return { count: s.count, p50: round(s.p50, 3), p95: round(s.p95, 3), p99: round(s.p99, 3), max: round(s.max, 3), mean: round(s.mean, 3) };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
