import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '@dalil/server/backup/createBackup.ts';
import { restoreBackup } from '@dalil/server/backup/restoreBackup.ts';
import { decodeBackupArchive, encodeBackupArchive } from '@dalil/server/backup/backupArchive.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser, addMember } from '../helpers/accounts.ts';
import { getImage, uploadImageFile } from '../helpers/imageUpload.ts';
import { jpegWithGps, smallPng } from '../helpers/testImages.ts';
import { tempDir } from '../helpers/tempDir.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('backup and restore carry guide images', () => {
  const dir = tempDir('dalil-image-backup-');
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    dir.remove();
  });

  it('archives every image once (counted in the manifest); the restored server serves the same bytes to the same guides; a tampered image refuses the restore', async () => {
    const live = join(dir.path, 'live');
    const server = await startServer({}, { dataDir: live });
    servers.push(server);
    const coordinator = await createUser(server, 'Coordinatrice Sauvegarde');
    const guideA = await coordinator.api.createGuide('Guide A');
    const guideB = await coordinator.api.createGuide('Guide B');
    const photo = await uploadImageFile(coordinator.api, guideA.id, await jpegWithGps(800, 600), { type: 'image/jpeg' });
    const shared = await smallPng('#123456');
    const inA = await uploadImageFile(coordinator.api, guideA.id, shared);
    const inB = await uploadImageFile(coordinator.api, guideB.id, shared);
    expect([photo.status, inA.status, inB.status]).toEqual([201, 201, 201]);
    const served = new Map<string, Buffer>();
    for (const up of [photo, inA, inB]) served.set(up.body.url, (await getImage(coordinator.api, up.body.url)).bytes);

    // Backed up while the server runs, as the admin CLI does.
    const archiveFile = join(dir.path, 'backup.dalil');
    const summary = await createBackup(live, archiveFile);
    expect(summary.images).toBe(2); // the PNG both guides use is one file
    const { manifest, files } = await decodeBackupArchive(readFileSync(archiveFile));
    expect(manifest.images).toBe(2);
    expect(files.filter((f) => f.path.startsWith('images/files/')).map((f) => f.path).sort()).toEqual(
      [`images/files/${photo.body.id}.jpg`, `images/files/${inA.body.id}.png`].sort(),
    );
    expect(files.filter((f) => f.path.startsWith('images/guides/')).map((f) => f.path).sort()).toEqual(
      [`images/guides/${guideA.id}.json`, `images/guides/${guideB.id}.json`].sort(),
    );
    await server.stop();

    const restoredDir = join(dir.path, 'restored');
    const restored = await restoreBackup(archiveFile, restoredDir);
    expect(restored.images).toBe(2);
    expect(readdirSync(join(restoredDir, 'images', 'files'))).toHaveLength(2);
    const again = await startServer({}, { dataDir: restoredDir });
    servers.push(again);
    const reader = await createUser(again, 'Lecteur Restauré');
    await addMember(again, guideA.id, reader, 'reader');
    for (const up of [photo, inA]) {
      const got = await getImage(reader.api, up.body.url);
      expect(got.status).toBe(200);
      expect(got.bytes.equals(served.get(up.body.url)!)).toBe(true);
      expect(sha256(got.bytes)).toBe(up.body.id);
    }
    // Still scoped: a reader of guide A does not read guide B's copy.
    expect((await getImage(reader.api, inB.body.url)).status).toBe(404);

    // An archive whose image bytes no longer match their name (consistent hashes in the manifest,
    // so only the image check can see it) is refused before anything is written.
    const tampered = files.map((f) =>
      f.path === `images/files/${photo.body.id}.jpg` ? { path: f.path, data: Buffer.concat([f.data.subarray(0, 100), Buffer.from('x')]) } : f,
    );
    const tamperedFile = join(dir.path, 'tampered.dalil');
    writeFileSync(tamperedFile, await encodeBackupArchive(tampered, new Date()));
    const target = join(dir.path, 'never');
    mkdirSync(target);
    await expect(restoreBackup(tamperedFile, target)).rejects.toThrow(/does not hold the image its name says/);
    expect(readdirSync(target)).toEqual([]);
    // An index naming an image the archive lacks is refused too.
    const missing = files.filter((f) => f.path !== `images/files/${inA.body.id}.png`);
    const missingFile = join(dir.path, 'missing.dalil');
    writeFileSync(missingFile, await encodeBackupArchive(missing, new Date()));
    await expect(restoreBackup(missingFile, target)).rejects.toThrow(/which the archive lacks/);
    expect(readdirSync(target)).toEqual([]);
  });
});
