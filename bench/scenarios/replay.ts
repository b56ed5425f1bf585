/**
 * Trace replay: the automerge-paper editing trace (259,778 edits) replayed into one section through
 * Dalil and through the relay, three times each in alternating order; time, CPU, peak memory, and
 * what Dalil keeps on disk.
 */
import { resolve } from 'node:path';
import { repoRoot } from '../support/benchSession.ts';
import { memoryOf, resetPeakMemory } from '../support/processes.ts';
import { ratioRow } from '../support/rows.ts';
import type { Scenario } from '../support/scenario.ts';
import { median, mib, round } from '../support/stats.ts';
import { persistedBytes, waitForCompaction } from '../support/storageSize.ts';
import { loadTrace, replayTrace, type ReplayResult } from '../support/traceReplay.ts';

const tracePath = resolve(repoRoot, '..', 'shared/data/automerge-paper.json.gz');
const REPLAY_REPS = 3;

export const replay: Scenario = {
  name: 'replay',
  async run(bench) {
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
        bench.log(`trace replay (${which}), ${rep + 1}/${REPLAY_REPS}`);
        if (which === 'reference') {
          const r = await bench.reference('replay');
          resetPeakMemory(r.pid);
          const result = await replayTrace(r, 'automerge-paper', trace, r.pid);
          runs.reference.push({ ...result, peakRss: memoryOf(r.pid).hwm });
          await bench.stop(r);
        } else {
          const { server: d, dataDir } = await bench.dalil('replay');
          const [section] = await (await bench.signIn(d)).createSections(1, 'Trace');
          setupPeaks.push(memoryOf(d.pid).hwm);
          resetPeakMemory(d.pid);
          const result = await replayTrace(d, section!, trace, d.pid);
          // The clients left: the room unloads after UNLOAD_DELAY_MS (2 s) and compacts on the way out.
          await waitForCompaction(dataDir, [section!], 30_000);
          const peakRss = memoryOf(d.pid).hwm;
          runs.dalil.push({ ...result, peakRss, persisted: persistedBytes(dataDir, section!) });
          await bench.stop(d);
        }
      }
    }
    const dTime = median(runs.dalil.map((x) => x.endToEndMs));
    const rTime = median(runs.reference.map((x) => x.endToEndMs));
    const identical = runs.dalil.every((x) => x.identical) && runs.reference.every((x) => x.identical);
    const encoded = runs.dalil[0]!.encodedStateBytes;
    const persisted = Math.max(...runs.dalil.map((x) => x.persisted));
    return {
      rows: [
        ratioRow('trace replay end-to-end (median of 3)', 'ms', dTime, rTime, 1.0, 0),
        ratioRow('trace replay server CPU time (median)', 'ms', median(runs.dalil.map((x) => x.serverCpuMs)), median(runs.reference.map((x) => x.serverCpuMs)), undefined, 0),
        ratioRow('trace replay server peak RSS', 'MiB', mib(Math.max(...runs.dalil.map((x) => x.peakRss))), mib(Math.max(...runs.reference.map((x) => x.peakRss))), undefined, 1),
        {
          metric: 'trace replay final text = endContent',
          unit: '',
          dalil: String(runs.dalil.every((x) => x.identical)),
          reference: String(runs.reference.every((x) => x.identical)),
          ratio: null,
          target: 'identical',
          pass: identical,
        },
        {
          metric: 'trace persisted bytes vs encodeStateAsUpdate',
          unit: 'bytes',
          dalil: persisted,
          reference: encoded,
          ratio: round(persisted / encoded, 3),
          target: '≤ 1.2× encoded state',
          pass: persisted / encoded <= 1.2,
        },
        ratioRow('Dalil peak RSS of start + one sign-in (scrypt N=2^17)', 'MiB', mib(Math.max(...setupPeaks)), null, undefined, 1),
      ],
      details: {
        replay: {
          batch: 100,
          runs,
          dalilSetupPeakRss: setupPeaks,
          peakNote: 'replay peaks are measured after resetting VmHWM (clear_refs 5) once setup is done',
          note: 'reference column of the persisted-bytes row = Y.encodeStateAsUpdate(final doc)',
        },
      },
    };
  },
};
