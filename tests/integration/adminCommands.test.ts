import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Api } from '../helpers/api.ts';
import { runAdmin } from '../helpers/adminCli.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { tempDir } from '../helpers/tempDir.ts';

/** Account commands of `pnpm admin`, with the server stopped (direct) and running (its admin socket). */
describe('admin account commands, server stopped or running', () => {
  const dir = tempDir();
  let server: TestServer | null = null;
  afterAll(async () => {
    await server?.dispose();
    dir.remove();
  });
  const socket = join(dir.path, 'admin.sock');
  const signIn = async (email: string, password: string) => {
    const api = new Api(server!.url);
    await api.login(email, password);
    return api;
  };

  it('with the server stopped, works on the data dir directly', async () => {
    const added = await runAdmin(dir.path, ['user:add', '--email', 'leila@commune.tn', '--name', 'Leïla Ben Salah', '--password', 'mot-de-passe-solide']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^created leila@commune\.tn \(Leïla Ben Salah\), id /);
    expect(existsSync(socket)).toBe(false);
  });

  it('with the server running, adds an account through its admin socket: it can sign in at once', async () => {
    server = await startServer({}, { dataDir: dir.path });
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    const added = await runAdmin(dir.path, ['user:add', '--email', 'karim@cefad.tn', '--name', 'Karim Trabelsi', '--password', 'formateur-2026!']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('created karim@cefad.tn (Karim Trabelsi)');
    const me = await (await signIn('karim@cefad.tn', 'formateur-2026!')).ok<{ user: { name: string } }>('GET', '/api/me');
    expect(me.user.name).toBe('Karim Trabelsi');
    const list = await runAdmin(dir.path, ['user:list']);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n').map((line) => line.split('\t')[1]).sort()).toEqual(['karim@cefad.tn', 'leila@commune.tn']);
  });

  it('resets a password while the server runs: the old sessions end, the new password works, the old one no longer does', async () => {
    const before = await signIn('leila@commune.tn', 'mot-de-passe-solide');
    expect((await before.request('GET', '/api/me')).status).toBe(200);
    const reset = await runAdmin(dir.path, ['user:reset-password', '--email', 'leila@commune.tn', '--password', 'nouveau-mot-de-passe']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain('password of leila@commune.tn changed');
    expect((await before.request('GET', '/api/me')).status).toBe(401);
    await expect(signIn('leila@commune.tn', 'mot-de-passe-solide')).rejects.toThrow(/401/);
    expect((await (await signIn('leila@commune.tn', 'nouveau-mot-de-passe')).request('GET', '/api/me')).status).toBe(200);
  });

  it('refuses bad input through the socket with a message and exit code 2, changing nothing', async () => {
    const duplicate = await runAdmin(dir.path, ['user:add', '--email', 'karim@cefad.tn', '--name', 'Autre', '--password', 'encore-un-mot-de-passe']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toMatch(/admin: .*(already|existe|taken|used)/i);
    const weak = await runAdmin(dir.path, ['user:reset-password', '--email', 'karim@cefad.tn', '--password', 'court']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/admin: .*password/i);
    const unknown = await runAdmin(dir.path, ['user:reset-password', '--email', 'personne@nulle.part', '--password', 'peu-importe-le-mot']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no account with email personne@nulle.part');
    expect((await runAdmin(dir.path, ['user:list'])).stdout.trim().split('\n')).toHaveLength(2);
    expect((await (await signIn('karim@cefad.tn', 'formateur-2026!')).request('GET', '/api/me')).status).toBe(200);
  });

  it('removes its socket when the server stops; the commands then work directly again', async () => {
    await server!.dispose();
    server = null;
    expect(existsSync(socket)).toBe(false);
    const list = await runAdmin(dir.path, ['user:list']);
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
  });
});
