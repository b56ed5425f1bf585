import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideSummary } from '@dalil/shared';
import { DEMO_PASSWORD } from '@dalil/server/demo/demoAccounts.ts';
import { Api } from '../helpers/api.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';

describe('the demo guide in the reading view (Chromium)', () => {
  let cookie: string;
  let guideId: string;

  const e2e = useBrowserApp({ demo: true });

  beforeAll(async () => {
    const reader = new Api(e2e.app.url);
    await reader.login('lectrice@demo.dalil.tn', DEMO_PASSWORD);
    cookie = reader.cookie!;
    guideId = (await reader.ok<GuideSummary[]>('GET', '/api/guides'))[0]!.id;
  }, 180_000);

  it('numbers chapters, tables and notes, shows the boxes, lays the Arabic section right to left, prints without the app', async () => {
    const { page, errors } = await openUser(e2e.browser, { cookie, baseUrl: e2e.app.url });
    await page.goto(`${e2e.app.url}/guides/${guideId}`);
    await page.waitForURL(`**/guides/${guideId}/read`);
    await page.locator('[data-complete="true"]').waitFor({ timeout: 30_000 });
    const numbers = await page.locator('.reading-section > .reading-section__title .reading-number').allInnerTexts();
    expect(numbers.slice(0, 2)).toEqual(['1', '1.1']);
    expect(await page.locator('table > caption .reading-label').first().innerText()).toMatch(/^Tableau 1/);
    expect(await page.locator('aside[data-callout] .callout__header').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.reading-notes li').count()).toBeGreaterThan(0);
    const rtl = page.locator('.reading-section[dir="rtl"]');
    expect(await rtl.count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifactsDir, 'reading-demo-fr.png') });
    await rtl.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'reading-demo-arabic-section.png') });
    await page.locator('aside[data-callout]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir, 'reading-demo-boxes.png') });

    await page.emulateMedia({ media: 'print' });
    const pdfFile = join(artifactsDir, 'reading-demo.pdf');
    writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(5);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('gouvernement ouvert');
    for (const chrome of ['Imprimer', 'Versions', 'Aller au contenu principal', 'Nadia Ferchichi']) expect(text, chrome).not.toContain(chrome);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
