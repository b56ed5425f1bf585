import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addBenchAccount, dalilContent, type DalilContent } from './dalilSetup.ts';
import { spawnDalil, spawnReference, type BenchServer, type SpawnOptions } from './processes.ts';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const resultsDir = join(repoRoot, 'bench/results');

/**
 * What scenarios share during one `pnpm bench`: the servers they start (all stopped at the end, even
 * after a failure), temporary data dirs, CPU profiling (BENCH_CPU_PROF=1) and the timestamped log.
 */
export class BenchSession {
  readonly running = new Set<BenchServer>();
  private readonly tempDirs: string[] = [];
  readonly startedAt = Date.now();

  constructor(private readonly profile: boolean) {}

  readonly log = (message: string): void => {
    console.log(`[${((Date.now() - this.startedAt) / 1000).toFixed(0).padStart(3)} s] ${message}`);
  };

  /**
   * Dalil in its own process on a fresh data dir holding the benchmark account (and whatever
   * `prepare` writes into it before the server starts). With DATABASE_URL in `options.env` the
   * account goes into that database; `account: false` for a further node on a database that has it.
   */
  async dalil(
    name: string,
    options: SpawnOptions & { account?: boolean } = {},
    prepare?: (dataDir: string) => void | Promise<void>,
  ): Promise<{ server: BenchServer; dataDir: string }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'dalil-bench-'));
    this.tempDirs.push(dataDir);
    if (options.account !== false) await addBenchAccount(dataDir, options.env);
    await prepare?.(dataDir);
    const server = await spawnDalil(dataDir, { ...this.profOptions(`dalil-${name}`), ...options });
    this.running.add(server);
    return { server, dataDir };
  }

  /** A temporary directory removed at the end of the run (e.g. FILES_DIR shared by several nodes). */
  tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    this.tempDirs.push(dir);
    return dir;
  }

  /** The bare `@y/websocket-server` relay, in its own process. */
  async reference(name: string): Promise<BenchServer> {
    const server = await spawnReference(this.profOptions(`reference-${name}`));
    this.running.add(server);
    return server;
  }

  /** Signs in and remembers the session cookie on the server handle, for every client opened on it. */
  async signIn(server: BenchServer): Promise<DalilContent> {
    const content = await dalilContent(server.url);
    server.cookie = content.cookie;
    return content;
  }

  async stop(...servers: BenchServer[]): Promise<void> {
    for (const s of servers) {
      await s.stop();
      this.running.delete(s);
    }
  }

  /** Stops whatever a failed scenario left running. */
  async stopAll(): Promise<void> {
    for (const s of [...this.running]) await this.stop(s).catch(() => {});
  }

  async close(): Promise<void> {
    await this.stopAll();
    for (const dir of this.tempDirs) rmSync(dir, { recursive: true, force: true });
  }

  private profOptions(name: string): SpawnOptions {
    if (!this.profile) return {};
    const dir = join(resultsDir, 'profiles', name);
    mkdirSync(dir, { recursive: true });
    return { cpuProfDir: dir };
  }
}
