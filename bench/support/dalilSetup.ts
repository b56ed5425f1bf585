import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { Api } from '../../tests/helpers/api.ts';

const serverDir = resolve(import.meta.dirname, '../../server');
export const BENCH_EMAIL = 'bench@dalil.test';
export const BENCH_PASSWORD = 'banc-d-essai-2026';

/**
 * Creates the benchmark's account with the admin CLI (`pnpm admin user:add`), before the server
 * starts; `env` is the server's (with DATABASE_URL, the account goes into the database).
 */
export async function addBenchAccount(dataDir: string, env: Record<string, string> = {}): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    ['dist/adminCli.js', 'user:add', '--email', BENCH_EMAIL, '--name', 'Banc d’essai', '--password', BENCH_PASSWORD],
    { cwd: serverDir, env: { ...process.env, ...env, DATA_DIR: dataDir } },
  );
}

/** What the benchmark needs from Dalil's REST API, signed in: a guide and its sections (document names). */
export interface DalilContent {
  /** Session cookie for the WebSocket handshake (the account coordinates the guide). */
  cookie: string;
  createSections(count: number, title?: string): Promise<string[]>;
}

/** Signs in over HTTP (session cookie + CSRF token, as the web client does) and creates a guide. */
export async function dalilContent(baseUrl: string): Promise<DalilContent> {
  const api = new Api(baseUrl);
  await api.login(BENCH_EMAIL, BENCH_PASSWORD);
  const guide = await api.createGuide('Guide de mesure', 'fr');
  return {
    cookie: api.cookie!,
    async createSections(count, title = 'Section') {
      const names: string[] = [];
      for (let i = 0; i < count; i++) names.push((await api.createSection(guide.id, `${title} ${i + 1}`)).docName);
      return names;
    },
  };
}
