import { buildApp, type BuildOptions, type DalilApp } from '@dalil/server/app.ts';
import { loadConfig, type Config } from '@dalil/server/config.ts';
import { tempDir } from './tempDir.ts';
import { storeEnvFor } from './postgres/testDatabase.ts';

export interface TestServer extends DalilApp {
  url: string;
  wsUrl: string;
  dataDir: string;
  config: Config;
  /** Stops the server (flushing everything) and keeps the data dir. */
  stop(): Promise<void>;
  /** Stops the server and deletes its data dir. */
  dispose(): Promise<void>;
}

/** A real Dalil server in this process, on a loopback port chosen by the OS. */
export async function startServer(
  env: Record<string, string> = {},
  options: BuildOptions & { dataDir?: string } = {},
): Promise<TestServer> {
  const dir = options.dataDir ? null : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const storeEnv = await storeEnvFor(dataDir, env);
  const config = loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.DALIL_TEST_LOG ?? 'silent',
    CLIENT_DIST: '',
    UNLOAD_DELAY_MS: '50',
    // the suite's scrypt cost (vitest.config.ts), so that the in-process servers hash like the spawned ones
    ...(process.env.PASSWORD_HASH_LOG2_N ? { PASSWORD_HASH_LOG2_N: process.env.PASSWORD_HASH_LOG2_N } : {}),
    ...storeEnv,
    ...env,
  });
  const built = await buildApp(config, options);
  await built.app.listen({ host: config.host, port: 0 });
  const address = built.app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await built.app.close();
  };
  return {
    ...built,
    config,
    dataDir,
    url: `http://127.0.0.1:${address.port}`,
    wsUrl: `ws://127.0.0.1:${address.port}/collab`,
    stop,
    dispose: async () => {
      await stop();
      dir?.remove();
    },
  };
}
