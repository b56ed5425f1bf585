import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageStore, imageFileOf } from '@dalil/server/images/imageStore.ts';
import { placeImageFileSync } from '@dalil/server/images/imageFile.ts';
import { IMAGE_INDEX_DIR } from '@dalil/server/storage/dataDirLayout.ts';

const pixel = (r: number) => ({ data: Buffer.from([r, 1, 2]), format: 'png' as const, width: 1, height: 1 });

describe('ImageStore.deleteUnlistedFiles: what imports that never committed left among the image files', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const store = () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-image-sweep-'));
    dirs.push(dir);
    return { dir, store: new ImageStore(dir) };
  };

  it('deletes the files no index lists and interrupted temp files, keeps every listed file and anything it does not know', async () => {
    const { dir, store: images } = store();
    await images.addMany('g1', [pixel(1), pixel(2)], null);
    await images.addMany('g2', [pixel(2), pixel(3)], null);
    const unlisted = imageFileOf(pixel(4));
    placeImageFileSync(images.filesDir, unlisted.name, unlisted.data);
    writeFileSync(join(images.filesDir, `${unlisted.name}.123.abcdef.tmp`), 'interrompu');
    writeFileSync(join(images.filesDir, 'LISEZMOI.txt'), 'à garder');
    expect(await images.deleteUnlistedFiles()).toBe(2);
    expect(readdirSync(images.filesDir).sort()).toEqual([...[1, 2, 3].map((r) => imageFileOf(pixel(r)).name), 'LISEZMOI.txt'].sort());
    expect(await images.deleteUnlistedFiles()).toBe(0);
  });

  it('deletes nothing when an index cannot be read (its images would look unlisted)', async () => {
    const { dir, store: images } = store();
    await images.addMany('g1', [pixel(5)], null);
    writeFileSync(join(dir, IMAGE_INDEX_DIR, 'g1.json'), '{"images": [');
    const unlisted = imageFileOf(pixel(6));
    placeImageFileSync(images.filesDir, unlisted.name, unlisted.data);
    await expect(new ImageStore(dir).deleteUnlistedFiles()).rejects.toThrow(/image index .*g1\.json cannot be read/);
    expect(readdirSync(images.filesDir)).toHaveLength(2);
  });
});
