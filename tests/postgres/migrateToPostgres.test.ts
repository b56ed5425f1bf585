import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideSummary } from '@dalil/shared';
import { everythingVisible as everything } from '../helpers/everythingVisible.ts';
import { spawnDemoServer, killIfRunning } from '../helpers/demoServer.ts';
import type { ServerProcess } from '../helpers/serverProcess.ts';
import { runAdmin } from '../helpers/adminCli.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { PostgresCluster } from '../helpers/postgres/postgresCluster.ts';

describe('pnpm admin migrate --to postgres', () => {
  let postgres: PostgresCluster;
  const source = tempDir();
  const nodeDir = tempDir();
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    postgres = await PostgresCluster.create();
  }, 120_000);
  afterAll(async () => {
    await killIfRunning(server);
    await postgres?.destroy();
    source.remove();
    nodeDir.remove();
  });

  it('copies the demo data dir into an empty database: every guide, section text, thread and version equal', async () => {
    // the embedded store (an empty DATABASE_URL), with the demo guide and a version of it
    const before = await spawnDemoServer(source.path, { DATABASE_URL: '' });
    server = before.server;
    const [demo] = await before.api.ok<GuideSummary[]>('GET', '/api/guides');
    await before.api.ok('POST', `/api/guides/${demo!.id}/versions`, { kind: 'provisional', label: 'Avant migration' });
    const expected = await everything(before.api, server.wsUrl, before.cookie);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const url = await postgres.createDatabase('migrated');
    // An import the server could not settle: its documents may live only in its journal, and the
    // data dir is its server's to settle: refused, nothing changed.
    mkdirSync(join(source.path, 'imports'), { recursive: true });
    writeFileSync(join(source.path, 'imports', 'iInterrompu.json'), JSON.stringify({ guideId: 'gJamais', newGuide: true, docNames: ['sJamais'] }));
    const refused = await runAdmin(source.path, ['migrate', '--to', 'postgres'], 120_000, { DATABASE_URL: url });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/an import was under way/);
    expect(readdirSync(join(source.path, 'imports'))).toEqual(['iInterrompu.json']);
    rmSync(join(source.path, 'imports', 'iInterrompu.json'));

    const migrated = await runAdmin(source.path, ['migrate', '--to', 'postgres'], 120_000, { DATABASE_URL: url });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/read back equal/);
    expect(readdirSync(join(source.path, 'imports'))).toEqual([]);

    const after = await spawnDemoServer(nodeDir.path, { DATABASE_URL: url, FILES_DIR: source.path });
    server = after.server;
    expect(await everything(after.api, server.wsUrl, after.cookie)).toEqual(expected);
    await killIfRunning(server);

    // a second run finds the database filled and changes nothing
    const again = await runAdmin(source.path, ['migrate', '--to', 'postgres'], 120_000, { DATABASE_URL: url });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds Dalil data/);
  }, 300_000);
});
