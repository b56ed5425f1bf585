import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { storeEnvFor } from './postgres/testDatabase.ts';

const serverDir = resolve(import.meta.dirname, '../../server');
/** The compiled entry point (`pnpm build`; the tests' global setup builds it before any test runs). */
export const serverEntry = resolve(serverDir, 'dist/server.js');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  output(): string;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Runs the real server entry point (`server.ts`, with signals and the data-dir lock) as a child
 * process, for tests that kill it. Resolves once it listens.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, port = 0, startTimeoutMs = 60_000): Promise<ServerProcess> {
  const storeEnv = await storeEnvFor(dataDir, env);
  // What `pnpm start` runs: node on the compiled server, the process a SIGKILL hits directly.
  const child = spawn(process.execPath, ['--enable-source-maps', serverEntry], {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      CLIENT_DIST: '',
      NODE_ENV: 'production',
      ...storeEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal })),
  );
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${startTimeoutMs / 1000} s:\n${out}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Server listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        const p = Number(match[1]);
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
        resolvePromise({
          child,
          port: p,
          url: `http://127.0.0.1:${p}`,
          wsUrl: `ws://127.0.0.1:${p}/collab`,
          output: () => out,
          exited,
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${out}`));
    });
  });
}
