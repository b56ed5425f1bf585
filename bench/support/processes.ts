import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { processCpuMs } from '../../tests/helpers/processCpu.ts';

const serverDir = resolve(import.meta.dirname, '../../server');
/** The compiled server (`pnpm bench` builds it first). */
const serverEntry = resolve(serverDir, 'dist/server.js');
const referenceEntry = resolve(import.meta.dirname, 'referenceServer.ts');

export type ServerKind = 'dalil' | 'reference';

/** A server under test, running in its own process so that client load does not skew its timing. */
export interface BenchServer {
  kind: ServerKind;
  child: ChildProcess;
  pid: number;
  url: string;
  wsUrl: string;
  /** Session cookie of the signed-in benchmark account (Dalil), sent on every WebSocket handshake. */
  cookie?: string;
  /** Document opens and unloads the server logged (Dalil at LOG_LEVEL=debug only). */
  probeEvents: ProbeEvent[];
  /** SIGTERM, then waits for the exit (Dalil flushes and writes its CPU profile then). */
  stop(): Promise<void>;
}

export type ProbeEvent =
  | { kind: 'open'; doc: string; loadMs: number; attachMs: number; totalMs: number }
  | { kind: 'unloaded'; doc: string };

export interface SpawnOptions {
  env?: Record<string, string>;
  /** Directory for `node --cpu-prof` output, or undefined for no profile. */
  cpuProfDir?: string;
  /** Log at debug level, where the server times each document it opens and reports unloads. */
  probe?: boolean;
}

/** The real Dalil entry point (`server.ts`), durable storage on, in a child process. */
export function spawnDalil(dataDir: string, options: SpawnOptions = {}): Promise<BenchServer> {
  const args = [...profArgs(options.cpuProfDir), '--enable-source-maps', serverEntry];
  return start('dalil', args, serverDir, {
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: options.probe ? 'debug' : 'info',
    CLIENT_DIST: '',
    NODE_ENV: 'production',
    // Every benchmark client comes from 127.0.0.1; the per-IP budget (1200/min by default) is meant
    // for one browser, not for 700 simulated users. The limiter still runs on every request.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...options.env,
  });
}

/** The bare `@y/websocket-server` relay: in memory, no auth, no durability. */
export function spawnReference(options: SpawnOptions = {}): Promise<BenchServer> {
  const args = [...profArgs(options.cpuProfDir), '--import', 'tsx', referenceEntry];
  return start('reference', args, resolve(import.meta.dirname, '..'), { NODE_ENV: 'production', ...options.env });
}

function profArgs(dir: string | undefined): string[] {
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

// A busy machine (other engineers' builds) can take longer than 20 s to start tsx: BENCH_START_TIMEOUT_MS.
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_MS) || 20_000;

const LISTENING = /(?:Server listening at|reference listening at) http:\/\/127\.0\.0\.1:(\d+)/;

function start(kind: ServerKind, args: string[], cwd: string, env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let partial = '';
  const probeEvents: ProbeEvent[] = [];
  const exited = new Promise<void>((res) => child.on('exit', () => res()));
  // Never leave a server behind, even when the benchmark itself crashes.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));
  const onStdout = (chunk: Buffer) => {
    partial += chunk.toString();
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const event = documentEvent(line);
      if (event) probeEvents.push(event);
      // Keep only the head of the log: 500 connections write thousands of request lines.
      else if (out.length < 200_000) out += line + '\n';
    }
  };
  child.stdout!.on('data', onStdout);
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} server did not start within ${START_TIMEOUT_MS / 1000} s:\n${out}`));
    }, START_TIMEOUT_MS);
    const check = setInterval(() => {
      const match = LISTENING.exec(out);
      if (!match) return;
      clearInterval(check);
      clearTimeout(timer);
      const port = Number(match[1]);
      resolvePromise({
        kind,
        child,
        pid: child.pid!,
        url: `http://127.0.0.1:${port}`,
        wsUrl: `ws://127.0.0.1:${port}/collab`,
        probeEvents,
        stop: async () => {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
            await exited;
            clearTimeout(killer);
          }
        },
      });
    }, 20);
    void exited.then(() => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`${kind} server exited before listening:\n${out}`));
    });
  });
}

/** Resident and peak resident memory of a process, in bytes, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!m) throw new Error(`no ${name} in /proc/${pid}/status`);
    return Number(m[1]) * 1024;
  };
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat (10 ms ticks). */
export function cpuTimeOf(pid: number): number {
  const ms = processCpuMs(pid);
  if (ms === null) throw new Error(`no CPU time for process ${pid} (is /proc available?)`);
  return ms;
}

/**
 * Resets a process's peak RSS (VmHWM) to its current RSS (`echo 5 > /proc/<pid>/clear_refs`), so
 * that a later peak belongs to the work measured, not to setup (Dalil's sign-in runs scrypt with
 * 128 MiB of memory).
 */
export function resetPeakMemory(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** A document open or unload from the server's debug log (pino JSON lines), if the line is one. */
function documentEvent(line: string): ProbeEvent | null {
  if (!line.includes('"event":"opened"') && !line.includes('"event":"unloaded"')) return null;
  try {
    const entry = JSON.parse(line) as { event: string; doc: string; loadMs?: number; attachMs?: number; totalMs?: number };
    if (entry.event === 'unloaded') return { kind: 'unloaded', doc: entry.doc };
    return { kind: 'open', doc: entry.doc, loadMs: entry.loadMs ?? 0, attachMs: entry.attachMs ?? 0, totalMs: entry.totalMs ?? 0 };
  } catch {
    return null;
  }
}
