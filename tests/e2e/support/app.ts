import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { GuideRole } from '@dalil/shared';
import { addMember, createUser, type TestUser } from '../../helpers/accounts.ts';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';

const root = resolve(import.meta.dirname, '../../..');
const clientDir = join(root, 'client');
const distDir = join(clientDir, 'dist');
const distIndex = join(distDir, 'index.html');
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
  const sources = Math.max(
    newestMtime(join(clientDir, 'src')),
    newestMtime(join(root, 'shared/src')),
    statSync(join(clientDir, 'index.html')).mtimeMs,
    statSync(join(clientDir, 'vite.config.ts')).mtimeMs,
  );
  if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(clientDir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: clientDir,
    // vitest sets NODE_ENV=test, which would make Vite bundle React's development build (StrictMode
    // double effects, dev warnings) into the real client/dist: test what users get
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
    timeout: 120_000,
  });
}

export interface RunningApp {
  server: TestServer;
  url: string;
  /** Creates an account, signed in over HTTP (its `api` carries the cookie and CSRF token). */
  user(name: string): Promise<TestUser>;
  /** Makes `user` a member of the guide with `role`, as accepting an invitation would. */
  join(guideId: string, user: TestUser, role: GuideRole): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real server on a free loopback port with a temporary data dir, serving the built client;
 * `demo` seeds the demo guide and accounts (realistic content for screenshots).
 */
export async function startApp(options: { demo?: boolean } = {}): Promise<RunningApp> {
  ensureClientBuilt();
  mkdirSync(artifactsDir, { recursive: true });
  const server = await startServer({ CLIENT_DIST: distDir, DALIL_DEMO: options.demo ? '1' : '0' });
  return {
    server,
    url: server.url,
    user: (name) => createUser(server, name),
    join: (guideId, user, role) => addMember(server, guideId, user, role),
    stop: () => server.dispose(),
  };
}
