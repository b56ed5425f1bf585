/**
 * Propagation: single-character edits from each of 2, 10 and 50 clients reaching the others, through
 * Dalil and through the bare relay, in alternating rounds (see support/propagationCell.ts).
 */
import type { BenchServer } from '../support/processes.ts';
import type { PropagationRun } from '../support/editPropagation.ts';
import { measurePropagation } from '../support/editPropagation.ts';
import { runPropagationCell, type Contender } from '../support/propagationCell.ts';
import { ratioRow } from '../support/rows.ts';
import type { Scenario } from '../support/scenario.ts';
import { median, round, sleep, summarize, until } from '../support/stats.ts';
import type { Row } from '../support/table.ts';

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
export async function untilUnloaded(d: BenchServer, doc: string): Promise<void> {
  await until(`${doc} unloaded`, () => d.probeEvents.some((e) => e.kind === 'unloaded' && e.doc === doc), 30_000, 20);
  await sleep(100);
}

/** Percentiles: the median over rounds of each round's percentile, so that one burst of load from
 * elsewhere on the machine moves one round, not the result; max is the max of all. */
function robust(runs: PropagationRun[]) {
  const per = runs.map((x) => summarize(x.samples));
  const med = (key: 'p50' | 'p95' | 'p99') => median(per.map((x) => x[key]));
  return { p50: med('p50'), p95: med('p95'), p99: med('p99'), max: Math.max(...per.map((x) => x.max)) };
}

function detail(runs: PropagationRun[], cpu: number[]) {
  const flat = (key: 'samples' | 'toAll' | 'burstSamples') => runs.flatMap((x) => x[key]);
  return {
    medianOfRounds: robust(runs),
    perRound: runs.map((x) => {
      const one = summarize(x.samples);
      return { p50: round(one.p50, 3), p99: round(one.p99, 3) };
    }),
    pooled: summarize(flat('samples')),
    toAllOthersPooled: summarize(flat('toAll')),
    burstPooled: summarize(flat('burstSamples')),
    burstEditsPerSec: runs.map((x) => round(x.burstEditsPerSec, 0)),
    serverCpuMsPerRound: cpu,
    serverCpuMsByPhase: runs.map((x) => x.serverCpuMs),
  };
}

export const propagation: Scenario = {
  name: 'propagation',
  async run(bench) {
    // Debug level: the server reports when a document has left memory (see afterRound below); and it
    // unloads an empty document after 100 ms instead of 2 s, so that each round's unload is over
    // soon after the round (the edit path does not depend on it).
    const { server: d } = await bench.dalil('propagation', { probe: true, env: { UNLOAD_DELAY_MS: '100' } });
    const r = await bench.reference('propagation');
    // The control: a second, identical relay measured like the others. Its ratio to the first shows
    // how far two runs of the same server drift apart here, i.e. what a ratio can resolve.
    const control = process.env.BENCH_CONTROL === '1' ? await bench.reference('propagation-control') : null;
    const content = await bench.signIn(d);
    const rows: Row[] = [];
    const perCount: Record<string, unknown> = {};
    // Unmeasured: the first rounds of a fresh client process ran 2–5× slower on both servers (JIT
    // warm-up of yjs and y-websocket in the clients), which hit the first server measured hardest.
    bench.log('propagation: warm-up round on each server (not measured)');
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
      const cell = await runPropagationCell(contenders, n, plan.rounds, plan.edits, plan.paceMs, bench.log);
      const dalilRuns = cell.get('dalil')!;
      const referenceRuns = cell.get('reference')!;
      const ds = robust(dalilRuns.runs);
      const rs = robust(referenceRuns.runs);
      const eps = (runs: PropagationRun[]) => median(runs.map((x) => x.burstEditsPerSec));
      rows.push(
        ratioRow(`propagation ${n} clients p50`, 'ms', ds.p50, rs.p50, 1.1, 3),
        ratioRow(`propagation ${n} clients p95`, 'ms', ds.p95, rs.p95, undefined, 3),
        ratioRow(`propagation ${n} clients p99`, 'ms', ds.p99, rs.p99, 1.1, 3),
        ratioRow(`propagation ${n} clients max`, 'ms', ds.max, rs.max, undefined, 3),
        ratioRow(`propagation ${n} clients edits/s (burst)`, 'edits/s', eps(dalilRuns.runs), eps(referenceRuns.runs), undefined, 0),
      );
      const controlRuns = cell.get('control');
      if (controlRuns) {
        const cs = robust(controlRuns.runs);
        rows.push(
          ratioRow(`control: relay B vs relay A, ${n} clients p50`, 'ms', cs.p50, rs.p50, undefined, 3),
          ratioRow(`control: relay B vs relay A, ${n} clients p99`, 'ms', cs.p99, rs.p99, undefined, 3),
        );
      }
      perCount[n] = {
        paceMs: plan.paceMs,
        edits: plan.edits * plan.rounds,
        rounds: plan.rounds,
        dalil: detail(dalilRuns.runs, dalilRuns.cpu),
        reference: detail(referenceRuns.runs, referenceRuns.cpu),
        ...(controlRuns ? { control: detail(controlRuns.runs, controlRuns.cpu) } : {}),
      };
    }
    await bench.stop(d, r, ...(control ? [control] : []));
    return { rows, details: { propagation: perCount } };
  },
};
