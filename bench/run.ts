/**
 * `pnpm bench`: Dalil against the bare `@y/websocket-server` relay, side by side, on loopback, with
 * stock y-websocket clients. Prints one table and writes `bench/results/<date>.json` at the repo root.
 *
 * Env: BENCH_ONLY=propagation,saved,replay,guide,idle,bundle,deeplink,rich,versions,startup (subset), BENCH_CPU_PROF=1 (run every
 * server with `node --cpu-prof`, profiles in bench/results/profiles/).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir, release } from 'node:os';
import { join, resolve } from 'node:path';
import { measureBundle } from './bundleSize.ts';
import { probeDisk } from './diskProbe.ts';
import { closeAll } from './clients.ts';
import { addBenchAccount, dalilContent, type DalilContent } from './dalilSetup.ts';
import { openMany } from './clients.ts';
import { openSectionsOneByOne, writeDurably, writeSectionContent, writeThenLeave } from './largeGuide.ts';
import { cpuTimeOf, memoryOf, resetPeakMemory, spawnDalil, spawnReference, type BenchServer, type SpawnOptions } from './processes.ts';
import { measurePropagation, type PropagationRun } from './propagation.ts';
import { runPropagationCell, type Contender } from './propagationCell.ts';
import { loadTrace, replayTrace, type ReplayResult } from './replay.ts';
import { persistedBytes, waitForCompaction } from './storageSize.ts';
import { measureSavedLatency } from './savedLatency.ts';
import { measureSectionDeepLink } from './sectionDeepLink.ts';
import { richSectionRows } from './richSection.ts';
import { mib, round, sleep, summarize, until } from './stats.ts';
import { formatTable, type Row } from './table.ts';
import { benchGuideVersions } from './guideVersions.ts';
import { measureStartup } from './startup.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
const tracePath = resolve(repoRoot, '..', 'shared/data/automerge-paper.json.gz');
const resultsDir = join(repoRoot, 'bench/results');
const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const profile = process.env.BENCH_CPU_PROF === '1';

const rows: Row[] = [];
const details: Record<string, unknown> = {};
const running = new Set<BenchServer>();
const tempDirs: string[] = [];
const startedAt = Date.now();
const loadAtStart = loadavg().map((x) => round(x, 2));

// Everything is bounded: the whole run stops after 15 minutes whatever happens.
const watchdog = setTimeout(() => {
  console.error('bench: 15-minute limit reached; stopping');
  for (const s of running) s.child.kill('SIGKILL');
  process.exit(2);
}, 900_000);
watchdog.unref();

function profOptions(name: string): SpawnOptions {
  if (!profile) return {};
  const dir = join(resultsDir, 'profiles', name);
  mkdirSync(dir, { recursive: true });
  return { cpuProfDir: dir };
}

async function dalil(name: string, options: SpawnOptions = {}): Promise<{ server: BenchServer; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dalil-bench-'));
  tempDirs.push(dataDir);
  await addBenchAccount(dataDir);
  const server = await spawnDalil(dataDir, { ...profOptions(`dalil-${name}`), ...options });
  running.add(server);
  return { server, dataDir };
}

/** Signs in and remembers the session cookie on the server handle, for every client opened on it. */
async function signIn(server: BenchServer): Promise<DalilContent> {
  const content = await dalilContent(server.url);
  server.cookie = content.cookie;
  return content;
}

async function reference(name: string): Promise<BenchServer> {
  const server = await spawnReference(profOptions(`reference-${name}`));
  running.add(server);
  return server;
}

async function stop(...servers: BenchServer[]): Promise<void> {
  for (const s of servers) {
    await s.stop();
    running.delete(s);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function log(message: string): void {
  console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}`);
}

/** Adds a row with Dalil/reference ratio and a "≤ factor × reference" target when `factor` is set. */
function ratioRow(metric: string, unit: string, d: number, r: number | null, factor?: number, digits = 2): void {
  const ratio = r ? d / r : null;
  rows.push({
    metric,
    unit,
    dalil: round(d, digits),
    reference: r === null ? null : round(r, digits),
    ratio: ratio === null ? null : round(ratio, 2),
    target: factor === undefined ? null : `≤ ${factor}× ref`,
    pass: factor === undefined || ratio === null ? null : ratio <= factor,
  });
}

function absoluteRow(metric: string, unit: string, d: number, r: number | null, limit?: number, digits = 2): void {
  rows.push({
    metric,
    unit,
    dalil: round(d, digits),
    reference: r === null ? null : round(r, digits),
    ratio: r ? round(d / r, 2) : null,
    target: limit === undefined ? null : `≤ ${limit} ${unit}`,
    pass: limit === undefined ? null : d <= limit,
  });
}

// ---------------------------------------------------------------------------------------------

interface PropagationCellPlan {
  /** Rounds; every server runs once per round, the order rotating (drift on the machine hits all alike). */
  rounds: number;
  /** Edits per round and server. */
  edits: number;
  /** Pace of the latency phase, ms between edits. */
  paceMs: number;
}

/**
 * A round's 1 % tail is a few samples: with 250 edits and one receiver it moved 1–5 ms between
 * rounds of one server, and the median over rounds followed that noise. 2 and 10 clients therefore
 * get 750 edits (p99 = 8th-largest) in 8 rounds. 50 clients get a slower pace so that the 49-fold
 * fan-out (2,450 deliveries/s into one client process) does not saturate the two cores; each of its
 * rounds holds 12,250 deliveries.
 */
const PROPAGATION: Record<number, PropagationCellPlan> = {
  2: { rounds: 8, edits: 750, paceMs: 5 },
  10: { rounds: 8, edits: 750, paceMs: 5 },
  50: { rounds: 4, edits: 250, paceMs: 20 },
};
const CLIENT_COUNTS = [2, 10, 50];

/**
 * Waits until Dalil has unloaded a document (compacted, word count recorded), plus a moment for the
 * metadata write that the unload starts and does not wait for.
 */
async function untilUnloaded(d: BenchServer, doc: string): Promise<void> {
  await until(`${doc} unloaded`, () => d.probeEvents.some((e) => e.kind === 'unloaded' && e.doc === doc), 30_000, 20);
  await sleep(100);
}

async function propagationAndSaved(): Promise<void> {
  // Debug level: the server reports when a document has left memory (see afterRound below); and it
  // unloads an empty document after 100 ms instead of 2 s, so that each round's unload is over
  // soon after the round (the edit path does not depend on it).
  const { server: d } = await dalil('propagation', { probe: true, env: { UNLOAD_DELAY_MS: '100' } });
  const r = await reference('propagation');
  // The control: a second, identical relay measured like the others. Its ratio to the first shows
  // how far two runs of the same server drift apart here, i.e. what a ratio can resolve.
  const control = process.env.BENCH_CONTROL === '1' ? await reference('propagation-control') : null;
  const content = await signIn(d);
  const [savedSection] = await content.createSections(1, 'Saved');
  const perCount: Record<string, unknown> = {};
  if (!only || only.has('propagation')) {
    // Unmeasured: the first rounds of a fresh client process ran 2–5× slower on both servers (JIT
    // warm-up of yjs and y-websocket in the clients), which hit the first server measured hardest.
    log('propagation: warm-up round on each server (not measured)');
    const [warmSection] = await content.createSections(1, 'Warm-up');
    await measurePropagation(r, 'propagation-warm-up', 10, 1000, 1, r.pid);
    await measurePropagation(d, warmSection!, 10, 1000, 1, d.pid);
    await untilUnloaded(d, warmSection!);
    for (const n of CLIENT_COUNTS) {
      const plan = PROPAGATION[n]!;
      // A fresh document per round on every server: each Yjs transaction walks the document's state
      // vector, so a document that kept earlier rounds' clients would make later rounds (and
      // whichever server kept more history) slower for reasons that are not the server's.
      const sections = await content.createSections(plan.rounds, `Propagation ${n}`);
      const contenders: Contender[] = [
        { name: 'reference', server: r, docName: (k) => `propagation-${n}-${k}` },
        {
          name: 'dalil',
          server: d,
          docName: (k) => sections[k]!,
          // Once its clients left, Dalil unloads the document: compaction, word count, metadata write. Measuring the next round meanwhile would charge that work to the edits
          // of whichever server runs then; wait for it, as the relay has nothing to finish.
          afterRound: (k) => untilUnloaded(d, sections[k]!),
        },
      ];
      if (control) contenders.push({ name: 'control', server: control, docName: (k) => `propagation-${n}-${k}` });
      const cell = await runPropagationCell(contenders, n, plan.rounds, plan.edits, plan.paceMs, log);
      const pooled = { dalil: cell.get('dalil')!.runs, reference: cell.get('reference')!.runs };
      const cpu = { dalil: cell.get('dalil')!.cpu, reference: cell.get('reference')!.cpu };
      const flat = (runs: PropagationRun[], key: 'samples' | 'toAll' | 'burstSamples') => runs.flatMap((x) => x[key]);
      // Percentiles: the median over rounds of each round's percentile, so that one burst of load
      // from elsewhere on the machine moves one round, not the result; max is the max of all.
      const robust = (runs: PropagationRun[]) => {
        const per = runs.map((x) => summarize(x.samples));
        const med = (key: 'p50' | 'p95' | 'p99') => median(per.map((x) => x[key]));
        return { p50: med('p50'), p95: med('p95'), p99: med('p99'), max: Math.max(...per.map((x) => x.max)) };
      };
      const ds = robust(pooled.dalil);
      const rs = robust(pooled.reference);
      const eps = (runs: PropagationRun[]) => median(runs.map((x) => x.burstEditsPerSec));
      ratioRow(`propagation ${n} clients p50`, 'ms', ds.p50, rs.p50, 1.1, 3);
      ratioRow(`propagation ${n} clients p95`, 'ms', ds.p95, rs.p95, undefined, 3);
      ratioRow(`propagation ${n} clients p99`, 'ms', ds.p99, rs.p99, 1.1, 3);
      ratioRow(`propagation ${n} clients max`, 'ms', ds.max, rs.max, undefined, 3);
      ratioRow(`propagation ${n} clients edits/s (burst)`, 'edits/s', eps(pooled.dalil), eps(pooled.reference), undefined, 0);
      const controlRuns = cell.get('control')?.runs;
      if (controlRuns) {
        const cs = robust(controlRuns);
        ratioRow(`control: relay B vs relay A, ${n} clients p50`, 'ms', cs.p50, rs.p50, undefined, 3);
        ratioRow(`control: relay B vs relay A, ${n} clients p99`, 'ms', cs.p99, rs.p99, undefined, 3);
      }
      const detail = (runs: PropagationRun[], cpu: number[]) => ({
        medianOfRounds: robust(runs),
        perRound: runs.map((x) => {
          const one = summarize(x.samples);
          return { p50: round(one.p50, 3), p99: round(one.p99, 3) };
        }),
        pooled: summarize(flat(runs, 'samples')),
        toAllOthersPooled: summarize(flat(runs, 'toAll')),
        burstPooled: summarize(flat(runs, 'burstSamples')),
        burstEditsPerSec: runs.map((x) => round(x.burstEditsPerSec, 0)),
        serverCpuMsPerRound: cpu,
        serverCpuMsByPhase: runs.map((x) => x.serverCpuMs),
      });
      perCount[n] = {
        paceMs: plan.paceMs,
        edits: plan.edits * plan.rounds,
        rounds: plan.rounds,
        dalil: detail(pooled.dalil, cpu.dalil),
        reference: detail(pooled.reference, cpu.reference),
        ...(controlRuns ? { control: detail(controlRuns, cell.get('control')!.cpu) } : {}),
      };
    }
    details.propagation = perCount;
  }
  if (!only || only.has('saved')) {
    log('edit → saved latency');
    const disk = await probeDisk(tmpdir());
    const saved = await measureSavedLatency(d, savedSection!, 500, 10);
    absoluteRow('edit → saved (fsync) p50', 'ms', saved.p50, null, 100);
    absoluteRow('edit → saved (fsync) p99', 'ms', saved.p99, null, 100);
    details.saved = { edits: 500, paceMs: 10, ...saved, diskWriteFdatasyncJustBefore: disk };
  }
  await stop(d, r, ...(control ? [control] : []));
}

const REPLAY_REPS = 3;

async function replay(): Promise<void> {
  const trace = loadTrace(tracePath);
  const runs: { dalil: Array<ReplayResult & { peakRss: number; persisted: number }>; reference: Array<ReplayResult & { peakRss: number }> } = {
    dalil: [],
    reference: [],
  };
  /** Peak RSS of Dalil after start + sign-in (scrypt) + REST setup, before the replay. */
  const setupPeaks: number[] = [];
  for (let rep = 0; rep < REPLAY_REPS; rep++) {
    const order = rep % 2 === 0 ? (['reference', 'dalil'] as const) : (['dalil', 'reference'] as const);
    for (const which of order) {
      log(`trace replay (${which}), ${rep + 1}/${REPLAY_REPS}`);
      if (which === 'reference') {
        const r = await reference('replay');
        resetPeakMemory(r.pid);
        const result = await replayTrace(r, 'automerge-paper', trace, r.pid);
        runs.reference.push({ ...result, peakRss: memoryOf(r.pid).hwm });
        await stop(r);
      } else {
        const { server: d, dataDir } = await dalil('replay');
        const [section] = await (await signIn(d)).createSections(1, 'Trace');
        setupPeaks.push(memoryOf(d.pid).hwm);
        resetPeakMemory(d.pid);
        const result = await replayTrace(d, section!, trace, d.pid);
        // The clients left: the room unloads after UNLOAD_DELAY_MS (2 s) and compacts on the way out.
        await waitForCompaction(dataDir, [section!], 30_000);
        const peakRss = memoryOf(d.pid).hwm;
        runs.dalil.push({ ...result, peakRss, persisted: persistedBytes(dataDir, section!) });
        await stop(d);
      }
    }
  }
  const dTime = median(runs.dalil.map((x) => x.endToEndMs));
  const rTime = median(runs.reference.map((x) => x.endToEndMs));
  ratioRow('trace replay end-to-end (median of 3)', 'ms', dTime, rTime, 1.0, 0);
  ratioRow('trace replay server CPU time (median)', 'ms', median(runs.dalil.map((x) => x.serverCpuMs)), median(runs.reference.map((x) => x.serverCpuMs)), undefined, 0);
  ratioRow('trace replay server peak RSS', 'MiB', mib(Math.max(...runs.dalil.map((x) => x.peakRss))), mib(Math.max(...runs.reference.map((x) => x.peakRss))), undefined, 1);
  const identical = runs.dalil.every((x) => x.identical) && runs.reference.every((x) => x.identical);
  rows.push({ metric: 'trace replay final text = endContent', unit: '', dalil: String(runs.dalil.every((x) => x.identical)), reference: String(runs.reference.every((x) => x.identical)), ratio: null, target: 'identical', pass: identical });
  const encoded = runs.dalil[0]!.encodedStateBytes;
  const persisted = Math.max(...runs.dalil.map((x) => x.persisted));
  rows.push({
    metric: 'trace persisted bytes vs encodeStateAsUpdate',
    unit: 'bytes',
    dalil: persisted,
    reference: encoded,
    ratio: round(persisted / encoded, 3),
    target: '≤ 1.2× encoded state',
    pass: persisted / encoded <= 1.2,
  });
  ratioRow('Dalil peak RSS of start + one sign-in (scrypt N=2^17)', 'MiB', mib(Math.max(...setupPeaks)), null, undefined, 1);
  details.replay = { batch: 100, runs, dalilSetupPeakRss: setupPeaks, peakNote: 'replay peaks are measured after resetting VmHWM (clear_refs 5) once setup is done', note: 'reference column of the persisted-bytes row = Y.encodeStateAsUpdate(final doc)' };
}

const GUIDE_SECTIONS = 200;
const WORDS_PER_SECTION = 1500;

async function largeGuide(): Promise<void> {
  // Dalil at debug level: the server logs how long each document took to open, and each unload.
  log(`large guide: creating ${GUIDE_SECTIONS} sections via REST and writing ~${WORDS_PER_SECTION} words each`);
  const { server: d } = await dalil('guide', { probe: true });
  const names = await (await signIn(d)).createSections(GUIDE_SECTIONS, 'Chapitre');
  await inParallel(names, 8, (name, i) =>
    writeDurably(d, name, (doc) => writeSectionContent(doc.getXmlFragment('default'), WORDS_PER_SECTION, i + 1)),
  );
  const unloaded = () => new Set(d.probeEvents.filter((e) => e.kind === 'unloaded').map((e) => e.doc));
  await until('every section unloaded after writing', () => names.every((n) => unloaded().has(n)), 60_000, 50);
  await sleep(500);
  const rssBefore = memoryOf(d.pid).rss;
  log('large guide: opening every section from disk, one client each, one after the other');
  d.probeEvents.length = 0;
  const opened = await openSectionsOneByOne(d, names);
  await sleep(1000);
  const rssLoaded = memoryOf(d.pid).rss;
  const serverOpen = d.probeEvents.flatMap((e) => (e.kind === 'open' ? [e] : []));
  closeAll(opened.clients);
  await until('every section unloaded after closing', () => names.every((n) => unloaded().has(n)), 60_000, 50);
  await sleep(1000);
  const rssAfter = memoryOf(d.pid).rss;
  const hwm = memoryOf(d.pid).hwm;
  await stop(d);

  // Reference: same content, written the same way (it cannot say "saved": wait for the socket to drain).
  log('large guide: reference');
  const r = await reference('guide');
  const refNames = names.map((_, i) => `guide-section-${i}`);
  await inParallel(refNames, 8, (name, i) =>
    writeThenLeave(r, name, (doc) => writeSectionContent(doc.getXmlFragment('default'), WORDS_PER_SECTION, i + 1)),
  );
  await sleep(500);
  const refRssBefore = memoryOf(r.pid).rss;
  const refOpened = await openSectionsOneByOne(r, refNames);
  await sleep(1000);
  const refRssLoaded = memoryOf(r.pid).rss;
  closeAll(refOpened.clients);
  await sleep(2500);
  const refRssAfter = memoryOf(r.pid).rss;
  await stop(r);

  const dClient = summarize(opened.clientMs);
  const rClient = summarize(refOpened.clientMs);
  const dServer = summarize(serverOpen.map((e) => e.totalMs));
  ratioRow('open section client p50 (Dalil cold from disk, ref in memory)', 'ms', dClient.p50, rClient.p50, undefined, 2);
  ratioRow('open section client p95', 'ms', dClient.p95, rClient.p95, undefined, 2);
  absoluteRow('open section server side p50', 'ms', dServer.p50, null, 50);
  absoluteRow('open section server side p99', 'ms', dServer.p99, null, 50);
  absoluteRow('open section server side max', 'ms', dServer.max, null, undefined);
  ratioRow('guide RSS, 200 sections loaded', 'MiB', mib(rssLoaded), mib(refRssLoaded), undefined, 1);
  ratioRow('guide RSS after unload', 'MiB', mib(rssAfter), mib(refRssAfter), undefined, 1);
  details.largeGuide = {
    sections: GUIDE_SECTIONS,
    wordsPerSection: WORDS_PER_SECTION,
    dalil: {
      clientOpenMs: dClient,
      serverOpenMs: dServer,
      serverLoadMs: summarize(serverOpen.map((e) => e.loadMs)),
      serverAttachMs: summarize(serverOpen.map((e) => e.attachMs)),
      rssBeforeOpenMiB: mib(rssBefore),
      rssAllLoadedMiB: mib(rssLoaded),
      rssAfterUnloadMiB: mib(rssAfter),
      peakRssMiB: mib(hwm),
    },
    reference: {
      clientOpenMs: rClient,
      rssBeforeOpenMiB: mib(refRssBefore),
      rssAllLoadedMiB: mib(refRssLoaded),
      rssAfterClientsLeftMiB: mib(refRssAfter),
      note: 'in memory: the reference never unloads; its opens are warm',
    },
  };
}

const IDLE_SECTIONS = 50;
const IDLE_CONNECTIONS = 500;

async function idleConnections(): Promise<void> {
  const measure = async (server: BenchServer, names: string[]) => {
    await sleep(500);
    const base = memoryOf(server.pid).rss;
    const first = await openMany(server, names, 25);
    await sleep(1500);
    const rssOnePerSection = memoryOf(server.pid).rss;
    const rest = await openMany(
      server,
      Array.from({ length: IDLE_CONNECTIONS - names.length }, (_, i) => names[i % names.length]!),
      25,
    );
    await sleep(2000);
    const rssAll = memoryOf(server.pid).rss;
    closeAll([...first, ...rest]);
    return { base, rssOnePerSection, rssAll, perConnection: (rssAll - rssOnePerSection) / (IDLE_CONNECTIONS - names.length) };
  };
  log(`idle: ${IDLE_CONNECTIONS} connections over ${IDLE_SECTIONS} sections (Dalil)`);
  const { server: d } = await dalil('idle');
  const names = await (await signIn(d)).createSections(IDLE_SECTIONS, 'Idle');
  const dm = await measure(d, names);
  await stop(d);
  log('idle: reference');
  const r = await reference('idle');
  const rm = await measure(r, names.map((_, i) => `idle-${i}`));
  await stop(r);
  ratioRow(`RSS per idle connection (${IDLE_CONNECTIONS} over ${IDLE_SECTIONS} sections)`, 'KiB', dm.perConnection / 1024, rm.perConnection / 1024, undefined, 1);
  ratioRow('server RSS at start (no document loaded)', 'MiB', mib(dm.base), mib(rm.base), undefined, 1);
  ratioRow(`RSS with ${IDLE_CONNECTIONS} idle connections`, 'MiB', mib(dm.rssAll), mib(rm.rssAll), undefined, 1);
  details.idle = {
    method: 'per connection = (RSS with 500 connections − RSS with one per section) / 450; RSS from /proc/<pid>/status',
    dalil: { baseMiB: mib(dm.base), onePerSectionMiB: mib(dm.rssOnePerSection), allMiB: mib(dm.rssAll), perConnectionKiB: round(dm.perConnection / 1024, 1) },
    reference: { baseMiB: mib(rm.base), onePerSectionMiB: mib(rm.rssOnePerSection), allMiB: mib(rm.rssAll), perConnectionKiB: round(rm.perConnection / 1024, 1) },
  };
}

function bundle(): void {
  const b = measureBundle(join(repoRoot, 'client/dist'));
  absoluteRow('client initial JS (gzip -9)', 'kB', b.initialGzipBytes / 1000, null, 150, 1);
  absoluteRow('client editor chunk (gzip -9)', 'kB', b.editorGzipBytes / 1000, null, 250, 1);
  details.bundle = b;
}

async function sectionDeepLink(): Promise<void> {
  const { server } = await dalil('deeplink', { env: { CLIENT_DIST: join(repoRoot, 'client/dist') } });
  const result = await measureSectionDeepLink(server, log);
  rows.push(...result.rows);
  details.sectionDeepLink = result.details;
  await stop(server);
}

async function inParallel<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

// ---------------------------------------------------------------------------------------------

const scenarios: Array<[string, () => Promise<void> | void]> = [
  ['bundle', bundle],
  ['propagation', propagationAndSaved],
  ['replay', replay],
  ['guide', largeGuide],
  ['idle', idleConnections],
  ['deeplink', sectionDeepLink],
  ['versions', async () => {
    const result = await benchGuideVersions(log);
    rows.push(...result.rows);
    details.versions = result.details;
  }],
  ['rich', async () => {
    const rich = await richSectionRows();
    rows.push(...rich.rows);
    details.rich = rich.details;
  }],
  [
    'startup',
    async () => {
      const result = await measureStartup();
      rows.push(...result.rows);
      details.startup = result.details;
    },
  ],
];

let failed = false;
try {
  for (const [name, run] of scenarios) {
    if (only && !only.has(name) && !(name === 'propagation' && only.has('saved'))) continue;
    try {
      await run();
    } catch (err) {
      failed = true;
      console.error(`bench: ${name} failed:`, err);
      rows.push({ metric: `${name}: ERROR ${(err as Error).message.split('\n')[0]}`, unit: '', dalil: null, reference: null, ratio: null, target: null, pass: false });
      for (const s of [...running]) await stop(s).catch(() => {});
    }
  }
} finally {
  for (const s of [...running]) await stop(s).catch(() => {});
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

let commit = process.env.BENCH_COMMIT ?? null;
try {
  commit ??= execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // not a git checkout
}
const machine = {
  nproc: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  ramGiB: round(totalmem() / 1024 ** 3, 1),
  node: process.version,
  kernel: release(),
  /** 1/5/15-minute load averages: other work on the machine shows here. */
  loadAverageAtStart: loadAtStart,
  loadAverageAtEnd: loadavg().map((x) => round(x, 2)),
};
const date = new Date().toISOString().slice(0, 10);
const table = formatTable(rows);
console.log(
  `\nDalil vs @y/websocket-server 0.1.1 — ${date}, ${machine.nproc} cores, ${machine.ramGiB} GiB, Node ${machine.node}, ` +
    `load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end\n`,
);
console.log(table);
mkdirSync(resultsDir, { recursive: true });
// A partial run (BENCH_ONLY) never overwrites the day's full result.
const out = join(resultsDir, only ? `${date}-partial-${[...only].join('+')}.json` : `${date}.json`);
writeFileSync(
  out,
  JSON.stringify({ date: new Date().toISOString(), commit, durationS: round((Date.now() - startedAt) / 1000, 0), machine, only: only ? [...only] : null, rows, details }, null, 2) + '\n',
);
console.log(`\nwritten ${out} (${((Date.now() - startedAt) / 1000).toFixed(0)} s)`);
clearTimeout(watchdog);
process.exit(failed ? 1 : 0);
