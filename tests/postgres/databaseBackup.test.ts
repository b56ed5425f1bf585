import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideSummary } from '@dalil/shared';
import { spawnDemoServer, killIfRunning } from '../helpers/demoServer.ts';
import type { ServerProcess } from '../helpers/serverProcess.ts';
import { runAdmin } from '../helpers/adminCli.ts';
import { getImage, uploadImageFile } from '../helpers/imageUpload.ts';
import { smallPng } from '../helpers/testImages.ts';
import { everythingVisible } from '../helpers/everythingVisible.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { PostgresCluster } from '../helpers/postgres/postgresCluster.ts';

describe('backup and restore in production mode', () => {
  let postgres: PostgresCluster;
  const dirs = { node: tempDir(), files: tempDir(), restoredNode: tempDir(), restoredFiles: tempDir(), embedded: tempDir(), archives: tempDir() };
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    postgres = await PostgresCluster.create();
  }, 120_000);
  afterAll(async () => {
    await killIfRunning(server);
    await postgres?.destroy();
    for (const dir of Object.values(dirs)) dir.remove();
  });

  it('backs up the database and FILES_DIR while a node runs; the archive restores into an empty database, and into a data dir', async () => {
    const url = await postgres.createDatabase('backed_up');
    const env = { DATABASE_URL: url, FILES_DIR: dirs.files.path };
    const running = await spawnDemoServer(dirs.node.path, env);
    server = running.server;
    const [demo] = await running.api.ok<GuideSummary[]>('GET', '/api/guides');
    const image = await uploadImageFile(running.api, demo!.id, await smallPng());
    expect(image.status).toBe(201);
    await running.api.ok('POST', `/api/guides/${demo!.id}/versions`, { kind: 'provisional', label: 'Sauvegardée' });
    const expected = await everythingVisible(running.api, server.wsUrl, running.cookie);
    const archive = `${dirs.archives.path}/dalil.backup`;
    const backup = await runAdmin(dirs.node.path, ['backup', archive], 120_000, env);
    expect(backup.code, backup.stderr).toBe(0);
    await killIfRunning(server);

    const restoredUrl = await postgres.createDatabase('restored');
    const restoreEnv = { DATABASE_URL: restoredUrl, FILES_DIR: dirs.restoredFiles.path };
    const restore = await runAdmin(dirs.restoredNode.path, ['restore', archive], 120_000, restoreEnv);
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await spawnDemoServer(dirs.restoredNode.path, restoreEnv);
    server = restored.server;
    expect(await everythingVisible(restored.api, server.wsUrl, restored.cookie)).toEqual(expected);
    expect((await getImage(restored.api, `/api/guides/${demo!.id}/images/${image.body.id}`)).status).toBe(200);
    await killIfRunning(server);

    // the same archive restores into the embedded store
    const embedded = await runAdmin(dirs.embedded.path, ['restore', archive], 120_000, { DATABASE_URL: '' });
    expect(embedded.code, embedded.stderr).toBe(0);
    const onEmbedded = await spawnDemoServer(dirs.embedded.path, { DATABASE_URL: '' });
    server = onEmbedded.server;
    expect(await everythingVisible(onEmbedded.api, server.wsUrl, onEmbedded.cookie)).toEqual(expected);
  }, 300_000);
});
