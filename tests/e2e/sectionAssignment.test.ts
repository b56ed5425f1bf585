import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView, SectionView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { tocAction, tocRow } from './support/toc.ts';

describe('assigning authors and reviewers to a section from the table of contents', () => {
  let coordinator: TestUser;
  let author: TestUser;
  let reviewer: TestUser;
  let reader: TestUser;
  let guide: GuideView;
  let section: SectionView;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    coordinator = await e2e.app.user('Leïla');
    author = await e2e.app.user('Karim Trabelsi');
    reviewer = await e2e.app.user('Sami Gharbi');
    reader = await e2e.app.user('Nadia');
    ({ guide, section } = await coordinator.api.guideWithSection());
    await e2e.app.join(guide.id, author, 'author');
    await e2e.app.join(guide.id, reviewer, 'reviewer');
    await e2e.app.join(guide.id, reader, 'reader');
  });

  it('offers only eligible members, saves, and shows the initials (other members: after a reload)', async () => {
    const coord = await openUser(e2e.browser, { cookie: coordinator.cookie, baseUrl: e2e.app.url });
    const other = await openUser(e2e.browser, { cookie: author.cookie, baseUrl: e2e.app.url });
    for (const { page } of [coord, other]) {
      await page.goto(`${e2e.app.url}/guides/${guide.id}`);
      await tocRow(page, section.title).waitFor();
    }
    // authors may list members but not assign: their section menu (import into the section) has no assign entry
    const authorMenu = tocRow(other.page, section.title).locator('.section-actions > button');
    if ((await authorMenu.count()) > 0) {
      await authorMenu.click();
      await other.page.locator('.menu [data-action]').first().waitFor();
      expect(await other.page.locator('.menu [data-action="assign"]').count()).toBe(0);
      await other.page.keyboard.press('Escape');
    }

    await tocAction(coord.page, section.title, 'assign');
    const dialog = coord.page.getByTestId('assign-dialog');
    await dialog.locator('fieldset[data-kind="author"] input').first().waitFor();
    const authors = await dialog.locator('fieldset[data-kind="author"] label').allInnerTexts();
    const reviewers = await dialog.locator('fieldset[data-kind="reviewer"] label').allInnerTexts();
    // the reader is nowhere; coordinators may do both jobs
    expect(authors.join('|')).toContain('Karim Trabelsi');
    expect(authors.join('|')).not.toContain('Sami Gharbi');
    expect(reviewers.join('|')).toContain('Sami Gharbi');
    expect(reviewers.join('|')).not.toContain('Karim Trabelsi');
    expect([...authors, ...reviewers].join('|')).not.toContain('Nadia');

    await dialog.getByLabel(/Karim Trabelsi/).check();
    await dialog.getByLabel(/Sami Gharbi/).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });

    const saved = await coordinator.api.getGuide(guide.id);
    const assigned = saved.sections.find((s) => s.id === section.id)!;
    expect(assigned.authorIds).toEqual([author.user.id]);
    expect(assigned.reviewerIds).toEqual([reviewer.user.id]);

    // Assignments are announced like structure changes: the other browser follows without reloading.
    for (const { page } of [coord, other]) {
      const badges = tocRow(page, section.title).getByTestId('assignees').locator('[role="img"]');
      await expect.poll(() => badges.count(), { timeout: 10_000 }).toBe(2);
      expect(await badges.nth(0).getAttribute('aria-label')).toBe('Rédaction : Karim Trabelsi');
      expect(await badges.nth(0).getAttribute('data-initials')).toBe('KT'); // drawn by CSS
      expect(await badges.nth(1).getAttribute('aria-label')).toBe('Relecture : Sami Gharbi');
    }
    expect(coord.errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await coord.context.close();
    await other.context.close();
  });
});
