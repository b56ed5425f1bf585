import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { storeEnvFor } from './postgres/testDatabase.ts';

const serverDir = resolve(import.meta.dirname, '../../server');
/** Compiled by the tests' global setup, like the server. */
const adminEntry = resolve(serverDir, 'dist/adminCli.js');

export interface AdminResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the real admin CLI (what `pnpm admin` runs) as a child process against `dataDir`. */
export async function runAdmin(dataDir: string, args: string[], timeoutMs = 30_000, env: Record<string, string> = {}): Promise<AdminResult> {
  const storeEnv = await storeEnvFor(dataDir, env);
  const started = Date.now();
  const child = spawn(process.execPath, ['--enable-source-maps', adminEntry, ...args], {
    cwd: serverDir,
    env: { ...process.env, DATA_DIR: dataDir, INIT_CWD: '', ...storeEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`admin ${args.join(' ')} did not finish within ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
