import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Api } from '../../helpers/api.ts';
import { spawnServer, type ServerProcess } from '../../helpers/serverProcess.ts';
import { tempDir } from '../../helpers/tempDir.ts';

const root = resolve(import.meta.dirname, '../../..');
const clientDir = join(root, 'client');
const distIndex = join(clientDir, 'dist/index.html');
export const artifactsDir = join(root, 'tests/artifacts');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * The browser tests run against the production build the server serves. Rebuild when it is
 * missing or older than the client or shared sources, so a stale bundle never gets tested.
 */
export function ensureClientBuilt(): void {
  const sources = Math.max(newestMtime(join(clientDir, 'src')), newestMtime(join(root, 'shared/src')), statSync(join(clientDir, 'index.html')).mtimeMs);
  if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(clientDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: clientDir,
    stdio: 'inherit',
    timeout: 120_000,
  });
}

export interface RunningApp {
  server: ServerProcess;
  api: Api;
  url: string;
  stop(): Promise<void>;
}

/**
 * A real server on a free loopback port with a temporary data dir, serving the built client;
 * `demo` seeds the demo guide (realistic content for screenshots).
 */
export async function startApp(options: { demo?: boolean } = {}): Promise<RunningApp> {
  ensureClientBuilt();
  mkdirSync(artifactsDir, { recursive: true });
  const data = tempDir('dalil-e2e-');
  const server = await spawnServer(data.path, { CLIENT_DIST: join(clientDir, 'dist'), DALIL_DEMO: options.demo ? '1' : '0' });
  return {
    server,
    api: new Api(server.url),
    url: server.url,
    async stop() {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      data.remove();
    },
  };
}
