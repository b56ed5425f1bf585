import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GuideView, SectionView } from '@dalil/shared';
import type { VersionSummary } from '@dalil/shared/api/versions.ts';
import type { TestUser } from '../helpers/accounts.ts';
import { connectClient } from '../helpers/yClient.ts';
import { barrier } from '../helpers/barrier.ts';
import { richSection, writeSectionJson } from '../helpers/richGuideContent.ts';
import { artifactsDir, startApp, type RunningApp } from './support/app.ts';
import { launchBrowser, openUser, type UserPage } from './support/browser.ts';

const MAGIC: Record<string, (bytes: Buffer) => boolean> = {
  docx: (b) => b.subarray(0, 2).toString() === 'PK',
  md: (b) => b.subarray(0, 2).toString() === 'PK',
  pdf: (b) => b.subarray(0, 5).toString() === '%PDF-',
  html: (b) => b.subarray(0, 15).toString() === '<!DOCTYPE html>',
};
const EXTENSION: Record<string, string> = { docx: 'docx', md: 'zip', pdf: 'pdf', html: 'html' };

/** Picks a format in an export menu and returns the downloaded file's name and bytes. */
async function exportFrom(page: Page, menuTestId: string, format: string): Promise<{ name: string; bytes: Buffer; status: string }> {
  const menu = page.getByTestId(menuTestId);
  await menu.getByRole('button', { name: /Exporter/ }).click();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), menu.locator(`[data-format="${format}"]`).click()]);
  const path = await download.path();
  const status = menu.getByTestId('export-status');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain('Fichier téléchargé');
  return { name: download.suggestedFilename(), bytes: readFileSync(path), status: (await status.textContent()) ?? '' };
}

describe('export menu in Chromium: every format for today, and a version from the versions page', () => {
  let app: RunningApp;
  let browser: Browser;
  let coordinator: TestUser;
  let guide: GuideView;
  let section: SectionView;
  let user: UserPage;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    coordinator = await app.user('Leïla Ben Salah');
    guide = await coordinator.api.createGuide('Guide du gouvernement ouvert');
    section = await coordinator.api.createSection(guide.id, 'Le budget participatif');
    const c = connectClient(app.server.wsUrl, section.docName, { cookie: coordinator.cookie });
    await c.synced();
    writeSectionJson(c.doc, richSection());
    await barrier(c, () => app.server.registry.get(section.docName));
    c.destroy();
    user = await openUser(browser, { cookie: coordinator.cookie, baseUrl: app.url });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('downloads DOCX, PDF, HTML and Markdown of today’s guide from the header menu', async () => {
    const { page } = user;
    await page.goto(`${app.url}/guides/${guide.id}`);
    // the guide page loads its sections and editor first: a busy machine takes a while
    await page.getByTestId('export-menu').waitFor({ timeout: 60_000 });
    await page.getByTestId('export-menu').getByRole('button', { name: /Exporter/ }).click();
    await page.screenshot({ path: join(artifactsDir, 'export-menu.png') });
    await page.keyboard.press('Escape');
    const today = new Date().toISOString().slice(0, 10);
    for (const format of ['docx', 'pdf', 'html', 'md']) {
      const file = await exportFrom(page, 'export-menu', format);
      expect(file.name, format).toBe(`Guide-du-gouvernement-ouvert_provisoire_${today}.${EXTENSION[format]}`);
      expect(MAGIC[format]!(file.bytes), format).toBe(true);
      expect(file.bytes.length, format).toBeGreaterThan(500);
    }
    expect(user.errors).toEqual([]);
  });

  it('downloads a version’s DOCX from the versions page', async () => {
    const version = await coordinator.api.ok<VersionSummary>('POST', `/api/guides/${guide.id}/versions`, { kind: 'provisional', label: 'atelier-mars' });
    const { page } = user;
    await page.goto(`${app.url}/guides/${guide.id}/versions`);
    await page.getByTestId(`export-menu-${version.id}`).waitFor({ timeout: 60_000 });
    const file = await exportFrom(page, `export-menu-${version.id}`, 'docx');
    expect(file.name).toMatch(/^Guide-du-gouvernement-ouvert_atelier-mars_\d{4}-\d{2}-\d{2}\.docx$/);
    expect(MAGIC.docx!(file.bytes)).toBe(true);
    await page.screenshot({ path: join(artifactsDir, 'export-versions-page.png') });
    expect(user.errors).toEqual([]);
  });
});
