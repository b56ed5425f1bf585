import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';

const distDir = join(import.meta.dirname, '../../client/dist');

/** The file of each UI language's catalogue chunk, from the build manifest. */
function catalogueFiles(): Record<'fr' | 'ar' | 'en', string> {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, { file: string }>;
  const file = (language: string): string => {
    const key = Object.keys(manifest).find((k) => k.endsWith(`shared/src/i18n/${language}.ts`));
    if (!key) throw new Error(`no ${language} catalogue chunk in the build`);
    return `/${manifest[key]!.file}`;
  };
  return { fr: file('fr'), ar: file('ar'), en: file('en') };
}

/** Paths of the scripts the page requests from now on. */
function scriptsRequested(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

/**
 * Records, in the page, `<html dir>` when the app first puts something on screen (the first child of
 * #root): what the first paint is laid out with.
 */
const FIRST_RENDER_DIR = `(() => {
  const observer = new MutationObserver(() => {
    const root = document.getElementById('root');
    if (root && root.childElementCount > 0 && window.__firstRenderDir === undefined) {
      window.__firstRenderDir = document.documentElement.dir;
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true });
})();`;

describe('interface language: one catalogue per visit, switched live, remembered for the server', () => {
  const e2e = useBrowserApp();
  let cookie: string;

  beforeAll(async () => {
    const nadia = await e2e.app.user('Nadia Mejri');
    cookie = nadia.cookie;
    await nadia.api.createGuide('Guide du budget participatif', 'fr');
  });

  it('loads only the French catalogue, switches to Arabic through the picker, and the next page is right to left from its first render', async () => {
    const chunks = catalogueFiles();
    const { page, context } = await openUser(e2e.browser, { cookie, baseUrl: e2e.app.url });
    await context.addInitScript({ content: FIRST_RENDER_DIR });
    const scripts = scriptsRequested(page);
    await page.goto(`${e2e.app.url}/`);
    await page.getByRole('link', { name: 'Guide du budget participatif' }).waitFor();
    expect(scripts).toContain(chunks.fr);
    expect(scripts).not.toContain(chunks.ar);
    expect(scripts).not.toContain(chunks.en);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['fr', 'ltr']);

    await page.getByTestId('language-switcher').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    // the Arabic catalogue came when asked for, and the interface now speaks Arabic
    expect(scripts).toContain(chunks.ar);
    await page.getByRole('link', { name: 'Guide du budget participatif' }).waitFor();
    expect(await page.getByTestId('language-switcher').locator('option:checked').innerText()).toBe('العربية');
    const langCookie = (await context.cookies(e2e.app.url)).find((c) => c.name === 'dalil_lang');
    expect(langCookie).toMatchObject({ value: 'ar', sameSite: 'Lax', httpOnly: false });
    expect(langCookie!.expires - Date.now() / 1000).toBeGreaterThan(300 * 24 * 3600);

    // a new page: the server lays it out in Arabic (cookie), and only the Arabic catalogue loads
    const next = await context.newPage();
    const nextScripts = scriptsRequested(next);
    const reply = await next.goto(`${e2e.app.url}/`);
    expect(await reply!.text()).toMatch(/<html lang="ar" dir="rtl">/);
    await next.getByRole('link', { name: 'Guide du budget participatif' }).waitFor();
    expect(await next.evaluate(() => (window as unknown as { __firstRenderDir?: string }).__firstRenderDir)).toBe('rtl');
    expect(nextScripts).toContain(chunks.ar);
    expect(nextScripts).not.toContain(chunks.fr);
    await next.screenshot({ path: join(artifactsDir, 'ui-language-ar.png') });

    // and back to French on the same page
    await next.getByTestId('language-switcher').selectOption('fr');
    await next.waitForFunction(() => document.documentElement.dir === 'ltr' && document.documentElement.lang === 'fr');
    expect(nextScripts).toContain(chunks.fr);
    expect((await context.cookies(e2e.app.url)).find((c) => c.name === 'dalil_lang')?.value).toBe('fr');
    await context.close();
  });

  it('gives a visitor who chose Arabic before this version (localStorage only, no cookie) the cookie on the next load', async () => {
    const { page, context } = await openUser(e2e.browser, { cookie, baseUrl: e2e.app.url, language: 'ar' });
    await page.goto(`${e2e.app.url}/`);
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('link', { name: 'Guide du budget participatif' }).waitFor();
    expect((await context.cookies(e2e.app.url)).find((c) => c.name === 'dalil_lang')?.value).toBe('ar');
    await context.close();
  });
});
