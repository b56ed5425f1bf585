/**
 * `pnpm bench`: Dalil against the bare `@y/websocket-server` relay, side by side, on loopback, with
 * stock y-websocket clients. Runs every scenario of `scenarios/` (or those named in BENCH_ONLY), prints
 * one table, writes `bench/results/<date>.json`, and exits non-zero when a scenario failed or a row
 * missed its target.
 *
 * Env: BENCH_ONLY=bundle,propagation,... (names below; subset), BENCH_CPU_PROF=1 (run every server with
 * `node --cpu-prof`, profiles in bench/results/profiles/), BENCH_CONTROL=1 (propagation: a second relay).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { bundle } from './scenarios/bundle.ts';
import { cluster } from './scenarios/cluster.ts';
import { deeplink } from './scenarios/deeplink.ts';
import { guideExport } from './scenarios/export.ts';
import { idle } from './scenarios/idle.ts';
import { docxImport } from './scenarios/import.ts';
import { largeGuide } from './scenarios/largeGuide.ts';
import { metadata } from './scenarios/metadata.ts';
import { propagation } from './scenarios/propagation.ts';
import { replay } from './scenarios/replay.ts';
import { rich } from './scenarios/rich.ts';
import { saved } from './scenarios/saved.ts';
import { startup } from './scenarios/startup.ts';
import { suggestions } from './scenarios/suggestions.ts';
import { versions } from './scenarios/versions.ts';
import { BenchSession, repoRoot, resultsDir } from './support/benchSession.ts';
import { errorRow } from './support/rows.ts';
import type { Scenario } from './support/scenario.ts';
import { round } from './support/stats.ts';
import { formatTable, type Row } from './support/table.ts';

/** In this order; a new scenario is one file in scenarios/ and one entry here. */
const scenarios: Scenario[] = [bundle, propagation, saved, replay, largeGuide, idle, deeplink, versions, guideExport, rich, startup, docxImport, metadata, suggestions, cluster];

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim()).filter(Boolean)) : null;
const unknown = only ? [...only].filter((name) => !scenarios.some((s) => s.name === name)) : [];
if (unknown.length > 0) {
  console.error(`bench: unknown scenario ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const bench = new BenchSession(process.env.BENCH_CPU_PROF === '1');
const rows: Row[] = [];
const details: Record<string, unknown> = {};
const loadAtStart = loadavg().map((x) => round(x, 2));

// Everything is bounded: the whole run stops after 15 minutes whatever happens.
const watchdog = setTimeout(() => {
  console.error('bench: 15-minute limit reached; stopping');
  for (const s of bench.running) s.child.kill('SIGKILL');
  process.exit(2);
}, 900_000);
watchdog.unref();

let failedScenarios = 0;
try {
  for (const scenario of scenarios) {
    if (only && !only.has(scenario.name)) continue;
    try {
      const result = await scenario.run(bench);
      rows.push(...result.rows);
      Object.assign(details, result.details);
    } catch (err) {
      failedScenarios++;
      console.error(`bench: ${scenario.name} failed:`, err);
      rows.push(errorRow(scenario.name, err));
      await bench.stopAll();
    }
  }
} finally {
  await bench.close();
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
const durationS = round((Date.now() - bench.startedAt) / 1000, 0);
const date = new Date().toISOString().slice(0, 10);
console.log(
  `\nDalil vs @y/websocket-server 0.1.1 — ${date}, ${machine.nproc} cores, ${machine.ramGiB} GiB, Node ${machine.node}, ` +
    `load average ${machine.loadAverageAtStart[0]} at start, ${machine.loadAverageAtEnd[0]} at end\n`,
);
console.log(formatTable(rows));
mkdirSync(resultsDir, { recursive: true });
// A partial run (BENCH_ONLY) never overwrites the day's full result.
const out = join(resultsDir, only ? `${date}-partial-${[...only].join('+')}.json` : `${date}.json`);
writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), commit, durationS, machine, only: only ? [...only] : null, rows, details }, null, 2) + '\n');
console.log(`\nwritten ${out} (${durationS} s)`);
clearTimeout(watchdog);

const missed = rows.filter((r) => r.pass === false).length - failedScenarios;
if (failedScenarios > 0 || missed > 0) {
  console.error(`bench: ${failedScenarios} scenario(s) failed, ${missed} row(s) missed their target`);
  process.exit(1);
}
process.exit(0);
