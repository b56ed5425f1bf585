import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideSummary, GuideView, SectionView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { artifactsDir } from './support/app.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { expectProblem } from './support/consoleGuard.ts';
import { editorOf, openSection } from './support/editor.ts';

describe('guide settings: rename live, language, numbering, archive, trash and restore', () => {
  let coordinator: TestUser;
  let author: TestUser;
  let guide: GuideView;
  let section: SectionView;
  let coord: UserPage;
  let writer: UserPage;

  const e2e = useBrowserApp();
  const openSettings = async (page: UserPage['page']) => {
    // the link is in the bar, or in the "More" list when the bar has no room left
    if (!(await page.getByTestId('settings-link').isVisible())) await page.getByTestId('guide-more-menu').getByRole('button').click();
    await page.getByTestId('settings-link').click();
    await page.getByTestId('general-settings').waitFor();
  };

  beforeAll(async () => {
    coordinator = await e2e.app.user('Leïla');
    author = await e2e.app.user('Karim');
    ({ guide, section } = await coordinator.api.guideWithSection());
    await e2e.app.join(guide.id, author, 'author');
    coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    writer = await openUser(e2e.browser, { cookie: author.cookie, baseUrl: e2e.app.url });
  });

  it('renames the guide and the author’s open page shows the new title at once; language and numbering are saved', async () => {
    await openSection(writer.page, e2e.app.url, guide.id, section.id);
    // authors have no settings
    expect(await writer.page.getByTestId('settings-link').count()).toBe(0);

    await openSection(coord.page, e2e.app.url, guide.id, section.id);
    await openSettings(coord.page);
    const title = coord.page.getByLabel('Titre du guide');
    await title.fill('Guide du budget participatif local');
    await coord.page.getByLabel('Langue principale du guide').selectOption('ar');
    await coord.page.getByRole('button', { name: 'Enregistrer' }).click();
    await coord.page.getByText('Modifications enregistrées.').waitFor();
    // the switch saves on change and shows what the server kept
    const numbering = coord.page.getByLabel('Numéroter les chapitres et sections (1, 1.1, 1.1.1)');
    await numbering.click();
    await expect.poll(() => numbering.isChecked(), { timeout: 10_000 }).toBe(false);

    // the other browser, without a reload
    const liveTitle = writer.page.locator('.guide-bar__title');
    await expect.poll(() => liveTitle.innerText(), { timeout: 10_000 }).toBe('Guide du budget participatif local');
    expect(await liveTitle.getAttribute('lang')).toBe('ar');
    await expect.poll(async () => (await coordinator.api.getGuide(guide.id)).numbering.enabled, { timeout: 10_000 }).toBe(false);
    expect((await coordinator.api.getGuide(guide.id)).language).toBe('ar');

    expect(await axeViolations(coord.page)).toEqual([]);
    await coord.page.screenshot({ path: join(artifactsDir, 'guide-settings-fr.png'), fullPage: true });
  });

  it('archives after a confirmation: the author’s open editor turns read-only with a banner; listed apart; restored', async () => {
    await coord.page.getByRole('button', { name: 'Archiver le guide' }).click();
    const dialog = coord.page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Archiver le guide' }).click();
    await coord.page.getByTestId('archived-since').waitFor({ timeout: 10_000 });
    await coord.page.getByRole('button', { name: 'Sortir le guide des archives' }).waitFor();

    // the author, mid-writing: read-only now, and told why
    await writer.page.getByTestId('archived-banner').waitFor({ timeout: 15_000 });
    await expect.poll(() => editorOf(writer.page).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('false');
    await writer.page.screenshot({ path: join(artifactsDir, 'guide-archived-author.png') });

    // the guide list: out of the main list, under "archived"
    await writer.page.goto(`${e2e.app.url}/`);
    const archived = writer.page.getByTestId('archived-guides');
    await archived.waitFor();
    expect(await writer.page.getByTestId('guide-list').getByText('Guide du budget participatif local').count()).toBe(0);
    // his only guide is archived: the list does not say he has none
    expect(await writer.page.getByTestId('guides-empty').innerText()).toContain('archivés ou à la corbeille sont plus bas');
    await archived.locator('summary').click();
    await archived.getByText('Guide du budget participatif local').waitFor();
    await writer.page.screenshot({ path: join(artifactsDir, 'guide-list-archived.png'), fullPage: true });

    // back in use: the author writes again
    await coord.page.getByRole('button', { name: 'Sortir le guide des archives' }).click();
    await coord.page.getByRole('button', { name: 'Archiver le guide' }).waitFor({ timeout: 10_000 });
    await openSection(writer.page, e2e.app.url, guide.id, section.id);
    expect(await writer.page.getByTestId('archived-banner').count()).toBe(0);
    expect(await editorOf(writer.page).getAttribute('contenteditable')).toBe('true');
  });

  it('deletes after a confirmation that says how long it stays in the trash; the author loses it; the coordinator restores it', async () => {
    // the author's open page loses the guide: its refetch is a 404, which the page explains
    expectProblem(writer.page, /status of 404 .*\/api\/guides\/[^/]+(\/threads)?:/, 'the guide went to the trash while open: the page says it is gone');
    await coord.page.getByRole('button', { name: 'Supprimer le guide' }).click();
    const dialog = coord.page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('pendant 30 jours');
    await coord.page.screenshot({ path: join(artifactsDir, 'guide-delete-confirm.png') });
    await dialog.getByRole('button', { name: 'Mettre à la corbeille' }).click();
    await coord.page.waitForURL(`${e2e.app.url}/`);

    const trash = coord.page.getByTestId('trashed-guides');
    await trash.waitFor();
    await trash.locator('summary').click();
    const purge = trash.getByTestId('guide-purge-at');
    expect(await purge.innerText()).toMatch(/^Supprimé définitivement le /);
    await coord.page.screenshot({ path: join(artifactsDir, 'guide-list-trash.png'), fullPage: true });

    // the author: the open guide says it is no longer reachable, and the list does not show it
    await writer.page.getByTestId('access-lost').waitFor({ timeout: 15_000 });
    // and says why: the guide went to the trash, not "you are no longer a member"
    expect(await writer.page.getByTestId('access-lost').innerText()).toContain('mis à la corbeille');
    const authorList = await author.api.ok<GuideSummary[]>('GET', '/api/guides');
    expect(authorList.map((g) => g.id)).not.toContain(guide.id);

    await trash.getByRole('button', { name: /^Restaurer/ }).click();
    await coord.page.getByTestId('guide-list').getByText('Guide du budget participatif local').waitFor({ timeout: 10_000 });
    expect(await coord.page.getByTestId('trashed-guides').count()).toBe(0);
    const back = await author.api.ok<GuideSummary[]>('GET', '/api/guides');
    expect(back.find((g) => g.id === guide.id)?.state).toBe('active');
  });

  it('the settings page in Arabic', async () => {
    const ar = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url, language: 'ar', viewport: { width: 390, height: 844 } });
    await ar.page.goto(`${e2e.app.url}/guides/${guide.id}/settings`);
    await ar.page.getByTestId('general-settings').waitFor();
    expect(await ar.page.getByRole('button', { name: 'حذف الدليل' }).count()).toBe(1);
    expect(await axeViolations(ar.page)).toEqual([]);
    await ar.page.screenshot({ path: join(artifactsDir, 'guide-settings-ar-390.png'), fullPage: true });
    await ar.context.close();
  });
});
