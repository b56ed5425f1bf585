import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { installDebianPackages } from '../debianPackages.ts';

/** Debian's PostgreSQL binaries (not on PATH): the newest installed major version, installed if none. */
function postgresBinDir(): string {
  const find = (): string | null => {
    const root = '/usr/lib/postgresql';
    const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
    return null;
  };
  const found = find();
  if (found) return found;
  installDebianPackages(['postgresql'], 'PostgreSQL is not installed (the production-mode tests run their own)');
  const installed = find();
  if (!installed) throw new Error('apt-get install postgresql did not provide initdb under /usr/lib/postgresql');
  return installed;
}

/** PostgreSQL refuses to run as root: as root, run it as Debian's `postgres` user. */
function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) throw new Error('running as root, and there is no `postgres` user to run PostgreSQL as');
  return { uid, gid };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * A PostgreSQL server of the tests' own, in a temp dir, on a loopback port: never a system service.
 * `stop` and `start` again keep its data (to test a database that goes away and comes back).
 */
export class PostgresCluster {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
    private readonly user: { uid: number; gid: number } | null,
  ) {}

  static async create(): Promise<PostgresCluster> {
    const bin = postgresBinDir();
    const user = runAs();
    const dir = mkdtempSync(join(tmpdir(), 'dalil-pg-'));
    if (user) chownSync(dir, user.uid, user.gid);
    const init = spawnSync(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'dalil', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], {
      encoding: 'utf8',
      ...(user ?? {}),
      timeout: 120_000,
    });
    if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`);
    const cluster = new PostgresCluster(dir, await freePort(), bin, user);
    await cluster.start();
    return cluster;
  }

  /** The URL of one database of this server (`postgres` exists from the start). */
  url(database = 'postgres'): string {
    return `postgres://dalil@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn(
      join(this.bin, 'postgres'),
      ['-D', join(this.dir, 'data'), '-p', String(this.port), '-k', this.dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'shared_buffers=32MB', '-c', 'synchronous_commit=on'],
      { stdio: ['ignore', 'ignore', 'pipe'], ...(this.user ?? {}) },
    );
    let log = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4000);
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited at start: ${log}`);
      const client = new pg.Client({ connectionString: this.url() });
      try {
        await client.connect();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch {
        await client.end().catch(() => {});
        if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 60 s: ${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Fast shutdown (what a restart or a failover does to the connections). */
  async stop(): Promise<void> {
    if (!this.child) return;
    this.child.kill('SIGINT');
    await this.exited;
    this.child = null;
  }

  async createDatabase(name: string): Promise<string> {
    await this.admin(`CREATE DATABASE ${name}`);
    return this.url(name);
  }

  async dropDatabase(name: string): Promise<void> {
    await this.admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.url() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
