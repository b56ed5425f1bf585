/**
 * Startup scenario: how long from launching the compiled server (`node dist/server.js`, what
 * `pnpm start` runs) until `GET /api/health` answers, on an empty data dir and on data dirs with
 * many guides and documents, and how long a restart after `kill -9` takes (lock takeover, torn
 * log tails). Documents load lazily (on first open), so what grows with the data is the metadata
 * file the server reads at start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { buildApp } from '@dalil/server/app.ts';
import { loadConfig } from '@dalil/server/config.ts';
import { hashPassword } from '@dalil/server/auth/passwords.ts';
import { cpuTimeOf } from '../support/processes.ts';
import { round, summarize } from '../support/stats.ts';
import type { Row } from '../support/table.ts';
import type { Scenario } from '../support/scenario.ts';

const serverEntry = resolve(import.meta.dirname, '../../server/dist/server.js');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5);
const TARGET_MS = 500;
/** Guides × sections per guide for the growth rows; each section holds a few paragraphs. */
const SIZES: Array<[number, number]> = [
  [20, 10],
  [100, 10],
];

interface Launch {
  wallMs: number;
  cpuMs: number;
  kill(signal: NodeJS.Signals): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

/** Spawns the compiled server and polls /api/health every 5 ms until it answers 200. */
async function launch(dataDir: string): Promise<Launch> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', serverEntry], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir, CLIENT_DIST: '', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited before answering: ${err}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server not healthy within 120 s');
    }
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const wallMs = performance.now() - started;
  const cpuMs = cpuTimeOf(child.pid!);
  return {
    wallMs,
    cpuMs,
    kill: async (signal) => {
      child.kill(signal);
      await exited;
      process.off('exit', killOnExit);
    },
  };
}

/** Writes `guides` × `sections` with text into a data dir, through the server's own code (in this process). */
async function seed(dataDir: string, guides: number, sections: number): Promise<void> {
  const built = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLIENT_DIST: '', UNLOAD_DELAY_MS: '0' }));
  const user = await built.accounts.createUser({ email: 'seed@dalil.test', name: 'Graine', passwordHash: await hashPassword('graine-2026-bench') });
  const paragraph = 'La commune publie chaque trimestre l’état d’exécution de son budget. ';
  for (let g = 0; g < guides; g++) {
    const guide = await built.guides.createGuide({ title: `Guide ${g + 1}`, language: 'fr', coordinatorId: user.id });
    await built.members.setRole(guide.id, user.id, 'coordinator');
    for (let s = 0; s < sections; s++) {
      const section = await built.guides.createSection(guide.id, { title: `Section ${s + 1}` });
      await built.registry.editSection(guide.id, section.docName, (doc) => doc.getText('text').insert(0, paragraph.repeat(20)));
    }
  }
  await built.app.close();
}

async function measure(label: string, dataDir: string, rows: Row[], details: Record<string, unknown>, withTarget: boolean): Promise<void> {
  const fresh: Launch[] = [];
  for (let i = 0; i < RUNS; i++) {
    const l = await launch(dataDir);
    fresh.push(l);
    await l.kill('SIGTERM');
  }
  const afterKill: Launch[] = [];
  let running = await launch(dataDir);
  for (let i = 0; i < RUNS; i++) {
    await running.kill('SIGKILL');
    running = await launch(dataDir);
    afterKill.push(running);
  }
  await running.kill('SIGTERM');
  const launchWall = summarize(fresh.map((l) => l.wallMs));
  const launchCpu = summarize(fresh.map((l) => l.cpuMs));
  const restartWall = summarize(afterKill.map((l) => l.wallMs));
  const target = withTarget ? `< ${TARGET_MS} ms` : null;
  rows.push(
    { metric: `startup: launch → healthy, ${label} (p50 of ${RUNS})`, unit: 'ms', dalil: round(launchWall.p50, 0), reference: null, ratio: null, target, pass: withTarget ? launchWall.p50 < TARGET_MS : null },
    { metric: `startup: CPU to healthy, ${label} (p50)`, unit: 'ms', dalil: round(launchCpu.p50, 0), reference: null, ratio: null, target: null, pass: null },
    { metric: `startup: restart after kill -9 → healthy, ${label} (p50 of ${RUNS})`, unit: 'ms', dalil: round(restartWall.p50, 0), reference: null, ratio: null, target, pass: withTarget ? restartWall.p50 < TARGET_MS : null },
  );
  details[label] = {
    launchWallMs: fresh.map((l) => round(l.wallMs, 0)),
    launchCpuMs: fresh.map((l) => round(l.cpuMs, 0)),
    restartAfterKillWallMs: afterKill.map((l) => round(l.wallMs, 0)),
    restartAfterKillCpuMs: afterKill.map((l) => round(l.cpuMs, 0)),
  };
}

export async function measureStartup(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  const dirs: string[] = [];
  const newDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'dalil-startup-'));
    dirs.push(d);
    return d;
  };
  try {
    await measure('empty data dir', newDir(), rows, details, true);
    for (const [guides, sections] of SIZES) {
      const dir = newDir();
      const seededAt = performance.now();
      await seed(dir, guides, sections);
      details[`seed ${guides}x${sections} ms`] = round(performance.now() - seededAt, 0);
      await measure(`${guides} guides, ${guides * sections} documents`, dir, rows, details, false);
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return { rows, details };
}

export const startup: Scenario = {
  name: 'startup',
  async run() {
    const result = await measureStartup();
    return { rows: result.rows, details: { startup: result.details } };
  },
};
