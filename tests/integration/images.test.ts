import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { GUIDE_ROLES } from '@dalil/shared';
import { storeImage } from '@dalil/server/images/storeImage.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { addMember, createUser } from '../helpers/accounts.ts';
import { getImage, uploadImageFile } from '../helpers/imageUpload.ts';
import { exifHasGps, jpegWithGps, noisyPng, pngBomb, smallGif, smallPng, smallWebp, SVG_WITH_SCRIPT } from '../helpers/testImages.ts';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const MAX_BYTES = 400 * 1024;

describe('guide images: upload, cleaning, refusals, guide-scoped reads', () => {
  // six accounts, each with a deliberately slow password hash
  const setup = useGuideTeam({ IMAGE_MAX_BYTES: String(MAX_BYTES), IMAGE_MAX_PIXELS: String(40_000_000) }, { timeoutMs: 180_000 });
  const author = () => setup.team.byRole.author.api;
  const guideId = () => setup.team.guide.id;
  const filesOnDisk = () => readdirSync(join(setup.server.dataDir, 'images', 'files'));

  it('stores a phone photo without its EXIF (GPS gone), upright size scaled to 3000 px, and serves it with safe headers', async () => {
    const photo = await jpegWithGps(4000, 3000);
    expect(exifHasGps((await sharp(photo).metadata()).exif)).toBe(true); // the test photo does carry GPS
    const up = await uploadImageFile(author(), guideId(), photo, { name: 'IMG_0001.jpg', type: 'image/jpeg' });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ width: 3000, height: 2250, url: `/api/guides/${guideId()}/images/${up.body.id}` });

    const got = await getImage(setup.team.byRole.reader.api, up.body.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('cache-control')).toMatch(/immutable/);
    expect(got.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect(got.headers.get('cache-control')).toMatch(/private/);
    expect(got.bytes.byteLength).toBe(up.body.bytes);
    expect(sha256(got.bytes)).toBe(up.body.id); // content-addressed: the id is the hash of what is served
    const stored = await sharp(got.bytes).metadata();
    expect(stored.exif).toBeUndefined();
    expect(exifHasGps(stored.exif)).toBe(false);
    expect(got.bytes.includes(Buffer.from('Karim Auteur'))).toBe(false);
    expect([stored.format, stored.width, stored.height]).toEqual(['jpeg', 3000, 2250]);
  });

  it('accepts PNG, WebP and GIF by content whatever name and type are claimed, and keeps their format', async () => {
    const cases = [
      { data: await smallPng(), format: 'png', type: 'image/png' },
      { data: await smallWebp(), format: 'webp', type: 'image/webp' },
      { data: await smallGif(), format: 'gif', type: 'image/gif' },
    ];
    for (const c of cases) {
      const up = await uploadImageFile(author(), guideId(), c.data, { name: 'document.pdf', type: 'application/octet-stream' });
      expect(up.status, c.format).toBe(201);
      const got = await getImage(author(), up.body.url);
      expect(got.headers.get('content-type')).toBe(c.type);
      expect((await sharp(got.bytes).metadata()).format).toBe(c.format);
    }
  });

  it('stores the same bytes once: same id twice (201 then 200), one file for two guides, each guide reads only its own list', async () => {
    const png = await smallPng('#abcdef');
    const before = filesOnDisk().length;
    const first = await uploadImageFile(author(), guideId(), png);
    const again = await uploadImageFile(author(), guideId(), png);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    const other = await setup.team.byRole.coordinator.api.createGuide('Autre guide');
    const inOther = await uploadImageFile(setup.team.byRole.coordinator.api, other.id, png);
    expect(inOther.status).toBe(201);
    expect(inOther.body.id).toBe(first.body.id);
    expect(inOther.body.url).toBe(`/api/guides/${other.id}/images/${first.body.id}`);
    expect(filesOnDisk().length).toBe(before + 1);
    expect(filesOnDisk().filter((f) => f.startsWith(first.body.id))).toHaveLength(1);
  });

  it('deletes only the files no guide lists (what an import that never committed placed), whichever store lists them', async () => {
    const listed = await uploadImageFile(author(), guideId(), await smallPng('#123456'));
    expect(listed.status).toBe(201);
    const stray = `${'e'.repeat(64)}.png`;
    writeFileSync(join(setup.server.dataDir, 'images', 'files', stray), 'placé puis abandonné');
    const before = filesOnDisk();
    expect(await setup.server.images.store.deleteUnlistedFiles()).toBe(1);
    expect(filesOnDisk()).toEqual(before.filter((f) => f !== stray));
    expect(filesOnDisk().filter((f) => f.startsWith(listed.body.id))).toHaveLength(1);
  });

  it('refuses, with 415 and a message, SVG, polyglots and wrong magic bytes (whatever type is claimed); nothing is stored', async () => {
    const before = filesOnDisk().length;
    const gif = await smallGif();
    const png = await smallPng('#102030');
    const jpeg = await jpegWithGps(64, 48);
    const cases: Array<{ what: string; data: Buffer; error: string }> = [
      { what: 'SVG with a script', data: SVG_WITH_SCRIPT, error: 'svg_not_accepted' },
      { what: 'SVG without XML declaration', data: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), error: 'svg_not_accepted' },
      { what: 'GIF header then HTML and JS', data: Buffer.from('GIF89a/*\x00\x00*/=1;<html><script>alert(1)</script></html>', 'latin1'), error: 'polyglot_image' },
      { what: 'valid GIF followed by a script', data: Buffer.concat([gif, Buffer.from('<script>alert(1)</script>')]), error: 'polyglot_image' },
      { what: 'valid GIF followed by other bytes', data: Buffer.concat([gif, Buffer.from('alert(document.domain)//')]), error: 'polyglot_image' },
      { what: 'PNG with a ZIP appended', data: Buffer.concat([png, Buffer.from('PK\x03\x04\x14\x00\x00\x00payload', 'latin1')]), error: 'polyglot_image' },
      { what: 'JPEG with HTML in a comment', data: Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x20]), Buffer.from('<body onload=alert(1)>xxxxxxxx'), jpeg.subarray(2)]), error: 'polyglot_image' },
      { what: 'a PNG whose first byte is wrong', data: Buffer.concat([Buffer.from([0x88]), png.subarray(1)]), error: 'unsupported_image_type' },
      { what: 'HTML named photo.jpg', data: Buffer.from('<!doctype html><p>hello</p>'), error: 'unsupported_image_type' },
      { what: 'a PDF', data: Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), error: 'unsupported_image_type' },
    ];
    for (const c of cases) {
      const up = await uploadImageFile(author(), guideId(), c.data, { name: 'photo.jpg', type: 'image/jpeg' });
      expect(up.status, c.what).toBe(415);
      expect(up.body.error, c.what).toBe(c.error);
      expect(up.body.message.length, c.what).toBeGreaterThan(10);
    }
    expect(filesOnDisk().length).toBe(before);
  });

  it('refuses a file over IMAGE_MAX_BYTES with 413 (announced or streamed), a decompression bomb and a damaged image with 422', async () => {
    // Just over the limit: the body size announced is within the multipart allowance, so the file is
    // refused while streamed; three times as much is refused from its Content-Length alone.
    const big = await noisyPng(372, 372);
    expect(big.byteLength).toBeGreaterThan(MAX_BYTES);
    expect(big.byteLength).toBeLessThan(MAX_BYTES + 20_000);
    const over = await uploadImageFile(author(), guideId(), big);
    expect(over.status).toBe(413);
    expect(over.body.error).toBe('image_too_large');
    expect(over.body.message).toMatch(/0\.4 MB/);
    const farOver = await uploadImageFile(author(), guideId(), Buffer.concat([big, big, big]));
    expect(farOver.status).toBe(413);

    const bomb = pngBomb(100_000, 100_000);
    expect(bomb.byteLength).toBeLessThan(2000);
    const refused = await uploadImageFile(author(), guideId(), bomb);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('image_too_many_pixels');

    const photo = await jpegWithGps(300, 200);
    const truncated = await uploadImageFile(author(), guideId(), photo.subarray(0, Math.floor(photo.byteLength / 2)));
    expect(truncated.status).toBe(422);
    expect(truncated.body.error).toBe('image_unreadable');
  });

  it('uploads only for roles that edit the text; reads for members of that guide only (404 for others, also members of another guide)', async () => {
    const png = await smallPng('#445566');
    const status: Record<string, number> = {};
    for (const role of GUIDE_ROLES) status[role] = (await uploadImageFile(setup.team.byRole[role].api, guideId(), png)).status;
    status.outsider = (await uploadImageFile(setup.team.outsider.api, guideId(), png)).status;
    status.anonymous = (await uploadImageFile(setup.team.anonymous, guideId(), png)).status;
    expect(status).toEqual({ coordinator: 201, author: 200, contributor: 403, reviewer: 403, reader: 403, outsider: 403, anonymous: 401 });

    const up = await uploadImageFile(author(), guideId(), png);
    for (const role of GUIDE_ROLES) expect((await getImage(setup.team.byRole[role].api, up.body.url)).status, role).toBe(200);
    // A member of another guide that holds other pictures.
    const elsewhere = await createUser(setup.server, 'Membre Ailleurs');
    const theirGuide = await setup.team.byRole.coordinator.api.createGuide('Guide voisin');
    await addMember(setup.server, theirGuide.id, elsewhere, 'author');
    const notTheirs = await getImage(elsewhere.api, up.body.url);
    expect(notTheirs.status).toBe(404);
    expect(notTheirs.bytes.includes(png.subarray(0, 8))).toBe(false);
    // ... nor through their own guide's URL.
    expect((await getImage(elsewhere.api, `/api/guides/${theirGuide.id}/images/${up.body.id}`)).status).toBe(404);
    expect((await getImage(setup.team.outsider.api, up.body.url)).status).toBe(404);
    expect((await getImage(setup.team.anonymous, up.body.url)).status).toBe(401);
    expect((await getImage(author(), `/api/guides/${guideId()}/images/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await getImage(author(), `/api/guides/${guideId()}/images/..%2F..%2Fmetadata.json`)).status).toBe(400);
  });

  it('refuses a request without a file, and a cross-site or token-less upload', async () => {
    const noFile = await author().request('POST', `/api/guides/${guideId()}/images`, { file: 'x' });
    expect(noFile.status).toBe(400);
    const withoutToken = await fetch(`${setup.server.url}/api/guides/${guideId()}/images`, {
      method: 'POST',
      headers: { cookie: author().cookie! },
      body: (() => {
        const f = new FormData();
        f.append('file', new Blob([SVG_WITH_SCRIPT]), 'a.png');
        return f;
      })(),
    });
    expect(withoutToken.status).toBe(403);
  });

  it('storeImage works without HTTP (for imports), refuses the same things, and what it stores survives a restart', async () => {
    const own = await startServer();
    let restarted: TestServer | null = null;
    try {
      const guide = await own.guides.createGuide({ title: 'Guide importé', language: 'fr', coordinatorId: setup.team.byRole.coordinator.user.id });
      const png = await smallPng('#778899');
      const stored = await storeImage(own.images, guide.id, png, { storedBy: null });
      expect(stored.created).toBe(true);
      expect(stored.url).toBe(`/api/guides/${guide.id}/images/${stored.id}`);
      await expect(storeImage(own.images, guide.id, SVG_WITH_SCRIPT)).rejects.toMatchObject({ reason: 'svg_not_accepted' });
      await expect(storeImage(own.images, 'no-such-guide', png)).rejects.toMatchObject({ kind: 'not_found' });

      await own.stop();
      restarted = await startServer({}, { dataDir: own.dataDir });
      const reader = await createUser(restarted, 'Lectrice Après Redémarrage');
      await addMember(restarted, guide.id, reader, 'reader');
      const got = await getImage(reader.api, stored.url);
      expect(got.status).toBe(200);
      expect(sha256(got.bytes)).toBe(stored.id);
    } finally {
      await restarted?.stop();
      await own.dispose();
    }
  });
});
