import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import { ensureClientBuilt } from '../e2e/support/app.ts';
import { createUser, type TestUser } from '../helpers/accounts.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';

const distDir = join(import.meta.dirname, '../../client/dist');

type Manifest = Record<string, { file: string; src?: string; imports?: string[] }>;

/** The chunk of one UI language's catalogue (client/src/i18n/catalogues.ts imports it lazily). */
function catalogueChunk(manifest: Manifest, language: string): string {
  const key = Object.keys(manifest).find((k) => k.endsWith(`shared/src/i18n/${language}.ts`));
  if (!key) throw new Error(`no ${language} catalogue chunk in the build manifest`);
  return `/${manifest[key]!.file}`;
}

async function page(server: TestServer, path: string, cookies: string[]): Promise<{ html: string; vary: string | null }> {
  const reply = await fetch(`${server.url}${path}`, { headers: cookies.length ? { cookie: cookies.join('; ') } : {} });
  expect(reply.status).toBe(200);
  return { html: await reply.text(), vary: reply.headers.get('vary') };
}

describe('the app shell in the visitor’s UI language (dalil_lang cookie)', () => {
  let server: TestServer;
  let owner: TestUser;
  let guide: GuideView;
  let manifest: Manifest;

  beforeAll(async () => {
    ensureClientBuilt();
    manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
    server = await startServer({ CLIENT_DIST: distDir });
    owner = await createUser(server, 'Rim');
    guide = await owner.api.createGuide('Guide de la concertation', 'fr');
    await owner.api.createSection(guide.id, 'Préparer la réunion publique');
    guide = await owner.api.getGuide(guide.id);
  }, 180_000);
  afterAll(() => server?.dispose());

  it('builds one chunk per language, none of them in the entry chunk', () => {
    const chunks = ['fr', 'ar', 'en'].map((language) => catalogueChunk(manifest, language));
    expect(new Set(chunks).size).toBe(3);
    const entry = readFileSync(join(distDir, manifest['index.html']!.file), 'utf8');
    // a French and an Arabic string of the catalogues: in their chunks, not in the entry
    const arabic = readFileSync(join(distDir, chunks[1]!), 'utf8');
    expect(arabic).toContain('أدلة عملية نكتبها معًا');
    expect(entry).not.toContain('أدلة عملية نكتبها معًا');
  });

  it('lays a deep link out in Arabic, right to left, and preloads only the Arabic catalogue when the cookie says ar', async () => {
    const path = `/guides/${guide.id}/sections/${guide.sections[0]!.id}`;
    const { html, vary } = await page(server, path, [owner.cookie, 'dalil_lang=ar']);
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="${catalogueChunk(manifest, 'ar')}">`);
    expect(html).not.toContain(catalogueChunk(manifest, 'fr'));
    expect(html).not.toContain(catalogueChunk(manifest, 'en'));
    expect(vary?.toLowerCase()).toContain('cookie');
  });

  it('is French, left to right, without the cookie or with a value that is no UI language; also for / and the login page', async () => {
    for (const [path, cookies] of [
      [`/guides/${guide.id}`, [owner.cookie]],
      [`/guides/${guide.id}`, [owner.cookie, 'dalil_lang=de']],
      [`/guides/${guide.id}`, [owner.cookie, 'dalil_lang=%22%3E%3Cscript%3E']],
      ['/', []],
      ['/login', []],
    ] as const) {
      const { html } = await page(server, path, [...cookies]);
      expect(html, path).toMatch(/<html lang="fr" dir="ltr">/);
      expect(html, path).toContain(`<link rel="modulepreload" crossorigin href="${catalogueChunk(manifest, 'fr')}">`);
      expect(html, path).not.toContain(catalogueChunk(manifest, 'ar'));
      expect(html, path).not.toContain('<script>');
    }
  });

  it('preloads the English catalogue for an English reader of the sign-in page', async () => {
    const { html } = await page(server, '/login', ['dalil_lang=en']);
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
    expect(html).toContain(`<link rel="modulepreload" crossorigin href="${catalogueChunk(manifest, 'en')}">`);
  });

  it('keeps /index.html (what the service worker precaches) the plain French shell', async () => {
    const { html } = await page(server, '/index.html', ['dalil_lang=ar']);
    expect(html).toMatch(/<html lang="fr" dir="ltr">/);
  });
});
