import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GuideView, SectionView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { tocAction, tocRow } from './support/toc.ts';
import { artifactsDir } from './support/app.ts';
import { openSection } from './support/editor.ts';

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

    // people present: an assignee writing is the same avatar with a dot, never drawn twice;
    // a visitor who is not assigned comes after, with the dot too
    const visitor = await openUser(e2e.browser, { cookie: reader.cookie, baseUrl: e2e.app.url });
    await openSection(other.page, e2e.app.url, guide.id, section.id);
    await openSection(visitor.page, e2e.app.url, guide.id, section.id);
    const row = tocRow(coord.page, section.title);
    await expect.poll(() => row.getByTestId('toc-presence').count(), { timeout: 10_000 }).toBe(2);
    const avatars = row.locator('[role="img"]');
    expect(await avatars.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual([
      'Rédaction : Karim Trabelsi, dans cette section en ce moment',
      'Relecture : Sami Gharbi',
      'Nadia, dans cette section en ce moment',
    ]);
    // compact: the people stay on the line of the state badge
    const top = async (selector: string) => (await row.locator(selector).first().boundingBox())!.y;
    expect(Math.abs((await top('.toc-people')) - (await top('.badge'))) < 12).toBe(true);
    await row.screenshot({ path: join(artifactsDir, 'toc-people.png') });
    expect(coord.errors).toEqual([]);
    expect(other.errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
    await visitor.context.close();
    await coord.context.close();
    await other.context.close();
  });
});
