/** Edit → saved: how long until the server confirms an edit is fsynced (the client's "saved" state). */
import { tmpdir } from 'node:os';
import { probeDisk } from '../support/diskProbe.ts';
import { absoluteRow } from '../support/rows.ts';
import { measureSavedLatency } from '../support/savedLatency.ts';
import type { Scenario } from '../support/scenario.ts';

const EDITS = 500;
const PACE_MS = 10;

export const saved: Scenario = {
  name: 'saved',
  async run(bench) {
    // The same server settings as the propagation scenario, which this one used to share a server with.
    const { server: d } = await bench.dalil('saved', { probe: true, env: { UNLOAD_DELAY_MS: '100' } });
    const [section] = await (await bench.signIn(d)).createSections(1, 'Saved');
    bench.log('edit → saved latency');
    const disk = await probeDisk(tmpdir());
    const result = await measureSavedLatency(d, section!, EDITS, PACE_MS);
    await bench.stop(d);
    return {
      rows: [absoluteRow('edit → saved (fsync) p50', 'ms', result.p50, null, 100), absoluteRow('edit → saved (fsync) p99', 'ms', result.p99, null, 100)],
      details: { saved: { edits: EDITS, paceMs: PACE_MS, ...result, diskWriteFdatasyncJustBefore: disk } },
    };
  },
};
