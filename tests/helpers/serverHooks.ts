import { afterAll, beforeAll } from 'vitest';
import type { BuildOptions } from '@dalil/server/app.ts';
import { createGuideTeam, type GuideTeam } from './guideTeam.ts';
import { startServer, type TestServer } from './inProcessServer.ts';

export interface ServerUnderTest {
  /** The running server; read it inside hooks and tests (it starts in `beforeAll`). */
  readonly server: TestServer;
}

export interface TeamUnderTest extends ServerUnderTest {
  /** A guide with one section and one signed-in member per role (see `createGuideTeam`). */
  readonly team: GuideTeam;
}

function late<T>(what: string, get: () => T | undefined): T {
  const value = get();
  if (value === undefined) throw new Error(`${what} is not ready: read it inside a hook or a test`);
  return value;
}

/**
 * Starts a real in-process server before the file's tests and disposes of it (data dir included)
 * after them. Hooks the file registers later run after this start and before this stop.
 */
export function useServer(env: Record<string, string> = {}, options: BuildOptions = {}): ServerUnderTest {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(env, options);
  });
  afterAll(async () => {
    await server?.dispose();
  });
  return {
    get server() {
      return late('server', () => server);
    },
  };
}

/**
 * `useServer` plus a guide team (every role, signed in), the setup most integration files share.
 * `timeoutMs`: for servers whose password hashing is slow on purpose (six accounts are created).
 */
export function useGuideTeam(env: Record<string, string> = {}, options: BuildOptions & { timeoutMs?: number } = {}): TeamUnderTest {
  const { timeoutMs, ...buildOptions } = options;
  const running = useServer(env, buildOptions);
  let team: GuideTeam | undefined;
  beforeAll(async () => {
    team = await createGuideTeam(running.server);
  }, timeoutMs);
  return {
    get server() {
      return running.server;
    },
    get team() {
      return late('team', () => team);
    },
  };
}
