import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { ImageStore, imageFileOf } from '@dalil/server/images/imageStore.ts';
import { imageFileName, placeImageFileSync } from '@dalil/server/images/imageFile.ts';
import { cleanImage, MAX_IMAGE_EDGE } from '@dalil/server/images/cleanImage.ts';
import { IMAGE_FILES_DIR, IMAGE_INDEX_DIR, IMAGE_INDEX_EXT } from '@dalil/server/storage/dataDirLayout.ts';
import { noisyPng } from '../helpers/testImages.ts';

const pixel = (r: number) => ({ data: Buffer.from([r, 0, 0]), format: 'png' as const, width: 1, height: 1 });

describe('image store: a batch of images, one index write', () => {
  it('stores new images side by side, names them all in one index, and counts repeated bytes once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-image-batch-'));
    const store = new ImageStore(dir);
    const first = await store.add('g1', pixel(1), 'u1');
    const results = await store.addMany('g1', [pixel(1), pixel(2), pixel(3), pixel(2)], 'u1');
    expect(results.map((r) => r.created)).toEqual([false, true, true, false]);
    expect(results[0]!.record).toEqual(first.record);
    expect(results[3]!.record.id).toBe(results[1]!.record.id);
    const index = JSON.parse(readFileSync(join(dir, IMAGE_INDEX_DIR, `g1${IMAGE_INDEX_EXT}`), 'utf8')) as { images: Array<{ id: string }> };
    expect(index.images.map((i) => i.id)).toEqual([first.record.id, results[1]!.record.id, results[2]!.record.id]);
    expect(await store.list('g1')).toHaveLength(3);
    // Another guide gains only index entries for bytes already stored.
    const other = await store.addMany('g2', [pixel(3)], null);
    expect(other[0]!.created).toBe(true);
    expect(await store.find('g2', results[2]!.record.id)).not.toBeNull();
    expect(await store.addMany('g2', [], null)).toEqual([]);
  });
});

describe('image store: files first, listed later (an import)', () => {
  it('writes files no guide lists, which a guide lists only once asked, with the same records as addMany', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-image-files-first-'));
    const store = new ImageStore(dir);
    const images = [pixel(7), pixel(8), pixel(7)];
    await store.writeFiles(images.map(imageFileOf));
    expect(readdirSync(join(dir, IMAGE_FILES_DIR))).toHaveLength(2);
    expect(await store.list('g1')).toEqual([]);
    const listed = await store.listMany('g1', images, 'u1');
    expect(listed.map((r) => r.created)).toEqual([true, true, false]);
    for (const { record } of listed) expect(readFileSync(store.pathOf(record))).toEqual(Buffer.from([record.id === listed[0]!.record.id ? 7 : 8, 0, 0]));
    expect((await store.list('g1')).map((r) => r.id)).toEqual([listed[0]!.record.id, listed[1]!.record.id]);
  });
});

describe('image store: a file already there is read back before it is reused', () => {
  it('replaces a file that lost its bytes (an unsynced file after a power cut), keeps and syncs one that holds them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-image-reuse-'));
    const store = new ImageStore(dir);
    const [emptied, whole] = [imageFileOf(pixel(21)), imageFileOf(pixel(22))];
    writeFileSync(join(store.filesDir, emptied.name), '');
    writeFileSync(join(store.filesDir, whole.name), whole.data);
    const wholeInode = statSync(join(store.filesDir, whole.name)).ino;
    const [a, b] = await store.addMany('g1', [pixel(21), pixel(22)], null);
    expect(readFileSync(store.pathOf(a!.record))).toEqual(Buffer.from([21, 0, 0]));
    expect(readFileSync(store.pathOf(b!.record))).toEqual(Buffer.from([22, 0, 0]));
    expect(statSync(store.pathOf(b!.record)).ino).toBe(wholeInode);
  });

  it('places an import\'s file from the calling thread under its content name, and replaces one that lost its bytes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-image-place-'));
    const file = imageFileOf(pixel(31));
    writeFileSync(join(dir, file.name), Buffer.from([31]));
    placeImageFileSync(dir, file.name, file.data);
    expect(readFileSync(join(dir, file.name))).toEqual(Buffer.from([31, 0, 0]));
    const inode = statSync(join(dir, file.name)).ino;
    placeImageFileSync(dir, file.name, file.data);
    expect(statSync(join(dir, file.name)).ino).toBe(inode);
    expect(readdirSync(dir)).toEqual([file.name]);
  });

  it("makes an import's placed files durable, and writes again one that went missing, from the bytes it holds", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-image-sync-'));
    const store = new ImageStore(dir);
    const [placed, lost] = [imageFileOf(pixel(41)), imageFileOf(pixel(42))];
    placeImageFileSync(store.filesDir, placed.name, placed.data);
    const inode = statSync(join(store.filesDir, placed.name)).ino;
    await store.writeFiles([placed, lost]);
    expect(statSync(join(store.filesDir, placed.name)).ino).toBe(inode);
    expect(readFileSync(join(store.filesDir, lost.name))).toEqual(Buffer.from([42, 0, 0]));
    expect(readdirSync(store.filesDir).sort()).toEqual([placed.name, lost.name].sort());
  });
});

describe('cleanImage: the image thread', () => {
  it('places the cleaned file when asked, named by the SHA-256 of the bytes it gives back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dalil-image-clean-place-'));
    const cleaned = await cleanImage(await noisyPng(20, 10), 'png', 1_000_000, dir);
    const name = imageFileName(createHash('sha256').update(cleaned.data).digest('hex'), 'png');
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(join(dir, name))).toEqual(cleaned.data);
    expect(imageFileOf({ ...cleaned, format: 'png' }).name).toBe(name);
  });

  it('cleans many images sent at once, queued in its thread, and gives each its own result', async () => {
    const inputs = await Promise.all(Array.from({ length: 12 }, (_, i) => noisyPng(40 + i, 30)));
    const cleaned = await Promise.all(inputs.map((bytes) => cleanImage(bytes, 'png', 1_000_000)));
    expect(cleaned.map((c) => c.width)).toEqual(inputs.map((_, i) => 40 + i));
    for (const c of cleaned) expect(Buffer.isBuffer(c.data) && (await sharp(c.data).metadata()).format).toBe('png');
  });

  it('answers a refusal as the refusal it is, and goes on cleaning after it', async () => {
    await expect(cleanImage(Buffer.from('not a png at all'), 'png', 1_000_000)).rejects.toMatchObject({ name: 'ImageRefusedError', reason: 'image_unreadable' });
    const big = await noisyPng(300, 200);
    await expect(cleanImage(big, 'png', 1000)).rejects.toMatchObject({ name: 'ImageRefusedError', reason: 'image_too_many_pixels' });
    expect((await cleanImage(big, 'png', 1_000_000)).width).toBe(300);
  });
});

describe('cleanImage: the size of what is stored', () => {
  it('scales an image wider than MAX_IMAGE_EDGE down to it, and leaves a smaller one as it is', async () => {
    const wide = await sharp({ create: { width: 3600, height: 40, channels: 3, background: '#06c' } }).png().toBuffer();
    expect(await cleanImage(wide, 'png', 10_000_000)).toMatchObject({ width: MAX_IMAGE_EDGE, height: 33 });
    expect(await cleanImage(await noisyPng(300, 200), 'png', 10_000_000)).toMatchObject({ width: 300, height: 200 });
  });
});
