import { demoAccounts, DEMO_PASSWORD } from '@dalil/server/demo/demoAccounts.ts';
import { Api } from './api.ts';
import { spawnServer, type ServerProcess } from './serverProcess.ts';

export interface DemoServer {
  server: ServerProcess;
  /** The first demo account (coordinator of the demo guide), signed in over HTTP. */
  api: Api;
  /** Its session cookie, for WebSocket handshakes. */
  cookie: string;
}

/** The compiled server as a child process with the demo accounts seeded, and its first account signed in. */
export async function spawnDemoServer(dataDir: string, env: Record<string, string> = {}, startTimeoutMs?: number): Promise<DemoServer> {
  const server = await spawnServer(dataDir, { DALIL_DEMO: '1', ...env }, 0, startTimeoutMs);
  const api = new Api(server.url);
  await api.login(demoAccounts[0]!.email, DEMO_PASSWORD);
  return { server, api, cookie: api.cookie! };
}

/** Kills a spawned server that is still running (kill -9) and waits for its exit; for `afterAll`. */
export async function killIfRunning(server: ServerProcess | null | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
