import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser, type TestUser } from '../helpers/accounts.ts';
import { getImage } from '../helpers/imageUpload.ts';
import { noisyPng, SVG_WITH_SCRIPT } from '../helpers/testImages.ts';
import { launchBrowser, openUser, type UserPage } from './support/browser.ts';
import { serveClientModule } from './support/clientModule.ts';
import { expectProblem } from './support/consoleGuard.ts';

const HARNESS = '/__test__/images.js';
const MAX_BYTES = 3 * 1024 * 1024;

/**
 * The client upload module (client/src/images) in real Chromium against a real server: upload
 * progress from XMLHttpRequest events, the CSRF token, refusals as named failures, and an image
 * dropped while offline that waits and goes when the network returns.
 */
describe('image upload from the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let author: TestUser;
  let user: UserPage;
  let guideId: string;

  beforeAll(async () => {
    server = await startServer({ IMAGE_MAX_BYTES: String(MAX_BYTES) });
    author = await createUser(server, 'Auteure Images');
    guideId = (await author.api.createGuide('Guide illustré')).id;
    browser = await launchBrowser();
    user = await openUser(browser, { baseUrl: server.url, cookie: author.cookie });
    await serveClientModule(
      user.page,
      server.url,
      HARNESS,
      `export * from './client/src/images/index.ts'; export { setCsrfToken } from './client/src/api/csrf.ts';`,
    );
    await user.page.goto(`${server.url}/api/health`);
    // A string, not a function: vitest would rewrite the dynamic import inside a function.
    await user.page.evaluate(
      `import(${JSON.stringify(HARNESS)}).then((m) => { m.setCsrfToken(${JSON.stringify(author.api.csrfToken)}); window.images = m; })`,
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  /** Puts bytes into the page as a File, named `window.files[name]`. */
  async function giveFile(name: string, data: Buffer, type: string): Promise<void> {
    await user.page.evaluate(
      ({ name, base64, type }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const w = window as unknown as { files?: Record<string, File> };
        w.files = { ...w.files, [name]: new File([bytes], name, { type }) };
      },
      { name, base64: data.toString('base64'), type },
    );
  }

  it('uploads with real progress events and the CSRF token; the URL it returns serves the image', async () => {
    const photo = await noisyPng(700, 700); // about 1.5 MB: several progress events
    await giveFile('photo.png', photo, 'image/png');
    const result = await user.page.evaluate(async (guideId) => {
      const { uploadImage } = (window as any).images;
      const fractions: number[] = [];
      const image = await uploadImage(guideId, (window as any).files['photo.png'], (p: { fraction: number }) => fractions.push(p.fraction));
      const served = await fetch(image.url);
      return { image, fractions, servedStatus: served.status, servedType: served.headers.get('content-type') };
    }, guideId);
    expect(result.image).toMatchObject({ width: 700, height: 700 });
    expect(result.servedStatus).toBe(200);
    expect(result.servedType).toBe('image/png');
    expect(result.fractions.length).toBeGreaterThan(0);
    expect(result.fractions.at(-1)).toBe(1);
    expect([...result.fractions].sort((a, b) => a - b)).toEqual(result.fractions); // never goes back
  });

  it('turns refusals into named failures: SVG and a file over the limit', async () => {
    expectProblem(user.page, /status of 41[35] .*\/api\/guides\/[^/]+\/images:/, 'an SVG (415) and a file over the limit (413): the editor names each refusal');
    await giveFile('drawing.png', SVG_WITH_SCRIPT, 'image/png');
    await giveFile('huge.png', await noisyPng(1100, 1100), 'image/png'); // about 3.6 MB, over 3 MB
    const failures = await user.page.evaluate(async (guideId) => {
      const { uploadImage } = (window as any).images;
      const outcome = async (name: string) => {
        try {
          await uploadImage(guideId, (window as any).files[name]);
          return null;
        } catch (error: any) {
          return { failure: error.failure, status: error.status, max: error.maxMegabytes, transient: error.transient };
        }
      };
      return { svg: await outcome('drawing.png'), huge: await outcome('huge.png') };
    }, guideId);
    expect(failures.svg).toEqual({ failure: 'svg', status: 415, max: null, transient: false });
    expect(failures.huge).toEqual({ failure: 'too_large', status: 413, max: '3', transient: false });
  });

  it('an image dropped while offline waits, says so, and uploads when the network returns', async () => {
    const png = await noisyPng(120, 90);
    await giveFile('offline.png', png, 'image/png');
    await user.context.setOffline(true);
    await user.page.evaluate((guideId) => {
      const w = window as any;
      const upload = w.images.startImageUpload(guideId, w.files['offline.png']);
      w.offlineUpload = { upload, phases: [upload.state.phase + ':' + (upload.state.reason ?? '')], result: null };
      upload.subscribe((s: { phase: string; reason?: string }) => {
        const label = s.phase + ':' + (s.reason ?? '');
        if (w.offlineUpload.phases.at(-1) !== label) w.offlineUpload.phases.push(label);
      });
      upload.done.then((image: unknown) => (w.offlineUpload.result = image));
    }, guideId);
    const waiting = await user.page.evaluate(() => {
      const w = window as any;
      return { state: w.offlineUpload.upload.state, pending: w.images.pendingImageUploads().length };
    });
    expect(waiting.state).toEqual({ phase: 'waiting', reason: 'offline', retryInMs: null });
    expect(waiting.pending).toBe(1);

    await user.context.setOffline(false);
    await user.page.waitForFunction(() => (window as any).offlineUpload.result !== null, undefined, { timeout: 20_000 });
    const after = await user.page.evaluate(() => {
      const w = window as any;
      return { result: w.offlineUpload.result, phases: w.offlineUpload.phases, pending: w.images.pendingImageUploads().length };
    });
    expect(after.phases[0]).toBe('waiting:offline');
    expect(after.phases).toContain('uploading:');
    expect(after.phases.at(-1)).toBe('done:');
    expect(after.pending).toBe(0);
    const got = await getImage(author.api, after.result.url);
    expect(got.status).toBe(200);
    expect(user.errors).toEqual([]);
  });
});
