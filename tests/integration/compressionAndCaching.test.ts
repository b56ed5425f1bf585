import { readFileSync, readdirSync, statSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import { ensureClientBuilt } from '../e2e/support/app.ts';
import { createUser, type TestUser } from '../helpers/accounts.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';

const distDir = join(import.meta.dirname, '../../client/dist');

interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (not decoded). */
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add Accept-Encoding and decode the body itself). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed and cached replies', () => {
  let server: TestServer;
  let owner: TestUser;
  let guide: GuideView;
  /** The largest script of the build (the guide workspace with the editor). */
  let bigScript: string;

  beforeAll(async () => {
    ensureClientBuilt();
    server = await startServer({ CLIENT_DIST: distDir });
    owner = await createUser(server, 'Samia');
    guide = await owner.api.createGuide('Guide du budget participatif', 'fr');
    // a table of contents well above the compression threshold
    for (let i = 1; i <= 30; i++) await owner.api.createSection(guide.id, `Chapitre ${i} — diagnostic territorial partagé`);
    guide = await owner.api.getGuide(guide.id);
    const scripts = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
    bigScript = scripts.sort((a, b) => statSync(join(distDir, 'assets', b)).size - statSync(join(distDir, 'assets', a)).size)[0]!;
  }, 180_000);
  afterAll(() => server?.dispose());

  it('sends a hashed script as brotli when accepted, as gzip when only gzip is, plain otherwise; always the same bytes once decoded', async () => {
    const url = `${server.url}/assets/${bigScript}`;
    const original = readFileSync(join(distDir, 'assets', bigScript));

    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(br.body.byteLength).toBeLessThan(original.byteLength / 2.5);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    for (const headers of [{}, { 'accept-encoding': 'identity' }] as Array<Record<string, string>>) {
      const plain = await rawGet(url, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(original)).toBe(true);
    }
  });

  it('lets browsers keep hashed assets for a year without asking, but revalidates index.html and sw.js', async () => {
    const css = readdirSync(join(distDir, 'assets')).find((f) => f.endsWith('.css'))!;
    for (const path of [`/assets/${bigScript}`, `/assets/${css}`]) {
      for (const encoding of ['br', '']) {
        const reply = await rawGet(`${server.url}${path}`, encoding ? { 'accept-encoding': encoding } : {});
        expect(reply.headers['cache-control'], `${path} ${encoding}`).toBe('public, max-age=31536000, immutable');
      }
    }
    for (const path of ['/', '/index.html', '/sw.js', `/guides/${guide.id}`]) {
      const reply = await rawGet(`${server.url}${path}`, { 'accept-encoding': 'br, gzip' });
      expect(reply.status, path).toBe(200);
      expect(reply.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it("preloads a section deep link's page chunks and first API replies from its HTML, and not on other pages", async () => {
    const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const guidePageChunk = `/${manifest['src/pages/GuidePage.tsx']!.file}`;
    const section = guide.sections[3]!;
    const deepLink = await rawGet(`${server.url}/guides/${guide.id}/sections/${section.id}`, { cookie: owner.cookie });
    const html = deepLink.body.toString('utf8');
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="${guidePageChunk}">`);
    for (const api of ['/api/me/session', `/api/guides/${guide.id}`, `/api/guides/${guide.id}/threads`, `/api/guides/${guide.id}/sections/${section.id}/workflow`, `/api/guides/${guide.id}/sections/${section.id}/state`]) {
      expect(html).toContain(`<link rel="preload" as="fetch" crossorigin href="${api}">`);
    }
    // signed out, the same link preloads only the session reply: the others would be 401s
    const signedOut = (await rawGet(`${server.url}/guides/${guide.id}/sections/${section.id}`)).body.toString('utf8');
    expect(signedOut).toContain(guidePageChunk);
    expect(signedOut).toContain('<link rel="preload" as="fetch" crossorigin href="/api/me/session">');
    expect(signedOut).not.toContain(`href="/api/guides/`);
    const login = (await rawGet(`${server.url}/login`)).body.toString('utf8');
    expect(login).not.toContain(guidePageChunk);
    expect(login).not.toContain(`/api/guides/`);
  });

  it('compresses a large JSON reply when the client accepts it, and only then', async () => {
    const path = `${server.url}/api/guides/${guide.id}`;
    const cookie = owner.cookie;
    const plain = await rawGet(path, { cookie });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const json = JSON.parse(plain.body.toString('utf8')) as GuideView;
    expect(json.sections).toHaveLength(30);
    expect(plain.body.byteLength).toBeGreaterThan(4096);

    const br = await rawGet(path, { cookie, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary?.toLowerCase()).toContain('accept-encoding');
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);

    const gz = await rawGet(path, { cookie, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(json);
  });

  it('leaves small JSON replies uncompressed (below the threshold nothing is gained)', async () => {
    const health = await rawGet(`${server.url}/api/health`, { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(health.body.toString('utf8'))).toMatchObject({ ok: true });
  });

  it('does not inflate compressed request bodies (they would get around the body size limit)', async () => {
    const body = gzipSync(JSON.stringify({ title: 'Chapitre compressé' }));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${server.url}/api/guides/${guide.id}/sections`,
        {
          method: 'POST',
          headers: {
            cookie: owner.cookie,
            'x-csrf-token': owner.api.csrfToken!,
            origin: server.url,
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': String(body.byteLength),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect((await owner.api.getGuide(guide.id)).sections.map((s) => s.title)).not.toContain('Chapitre compressé');
  });
});
