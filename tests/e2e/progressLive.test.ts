import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView, SectionView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { appendParagraphs } from '../helpers/threadAnchors.ts';
import { connectClient } from '../helpers/yClient.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { tocRow } from './support/toc.ts';

/** Settling takes SETTLE_DELAY_MS (3 s by default) after the last edit, then one round trip. */
const LIVE = { timeout: 10_000 };

describe('the progress page and word counts follow the writing without reload', () => {
  let coordinator: TestUser;
  let author: TestUser;
  let guide: GuideView;
  let section: SectionView;
  let progressPage: UserPage;
  let guidePage: UserPage;
  const wordsCell = () => progressPage.page.getByTestId('sections-progress').locator('tbody tr').first().locator('td.num').first();
  const notReloaded = (user: UserPage) => user.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

  const e2e = useBrowserApp();

  beforeAll(async () => {
    [coordinator, author] = await Promise.all([e2e.app.user('Leïla Ben Salah'), e2e.app.user('Karim Trabelsi')]);
    guide = await coordinator.api.createGuide('Guide de la participation citoyenne');
    section = await coordinator.api.createSection(guide.id, 'Le comité de quartier');
    await coordinator.api.createSection(guide.id, 'La consultation en ligne');
    await e2e.app.join(guide.id, author, 'author');
    await coordinator.api.ok('PATCH', `/api/guides/${guide.id}/sections/${section.id}`, { authorIds: [author.user.id] });
    progressPage = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    guidePage = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    await progressPage.page.goto(`${e2e.app.url}/guides/${guide.id}/progress`);
    await guidePage.page.goto(`${e2e.app.url}/guides/${guide.id}`);
    await wordsCell().waitFor();
    await tocRow(guidePage.page, 'Le comité de quartier').waitFor();
    for (const user of [progressPage, guidePage]) await user.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  });

  it('words written elsewhere reach the progress table and the table of contents once the text settles', async () => {
    expect(await wordsCell().innerText()).toBe('0');
    const writer = connectClient(e2e.app.server.wsUrl, section.docName, { cookie: author.cookie });
    try {
      await writer.synced();
      appendParagraphs(writer.doc, ['Le comité de quartier se réunit chaque mois.', 'Ses avis sont publiés.']);
      await expect.poll(() => wordsCell().innerText(), LIVE).toBe('12');
      await expect.poll(() => tocRow(guidePage.page, 'Le comité de quartier').locator('.toc-row__words').innerText(), LIVE).toBe('12 mots');
    } finally {
      writer.destroy();
    }
    expect(await notReloaded(progressPage)).toBe(true);
    expect(await notReloaded(guidePage)).toBe(true);
    // the progress page listens to the guide room without appearing in it: only this tab is there
    expect(await guidePage.page.locator('[data-testid="presence"] [role="img"]').count()).toBe(1);
  });

  it('a transition made elsewhere moves the counts per state', async () => {
    const review = progressPage.page.getByTestId('count-review').locator('strong');
    expect(await review.innerText()).toBe('0');
    await author.api.ok('POST', `/api/guides/${guide.id}/sections/${section.id}/transitions`, { to: 'review' });
    await expect.poll(() => review.innerText(), LIVE).toBe('1');
    expect(await progressPage.page.getByTestId('count-draft').locator('strong').innerText()).toBe('1');
    expect(await notReloaded(progressPage)).toBe(true);
    expect(progressPage.errors).toEqual([]);
  });
});
