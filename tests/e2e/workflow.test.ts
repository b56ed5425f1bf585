import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GuideView, SectionView, ThreadView } from '@dalil/shared';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import type { TestUser } from '../helpers/accounts.ts';
import { anchorOn } from '../helpers/threadAnchors.ts';
import { connectClient } from '../helpers/yClient.ts';
import { artifactsDir, startApp, type RunningApp } from './support/app.ts';
import { launchBrowser, openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';

/** Runs a transition from the section pane: its button, then the note dialog. */
async function transition(page: Page, button: string, note?: string): Promise<void> {
  await page.getByTestId('workflow-panel').getByRole('button', { name: button }).click();
  const dialog = page.getByTestId('transition-dialog');
  if (note) await dialog.locator('textarea').fill(note);
  await dialog.getByRole('button', { name: /Confirmer|تأكيد/ }).click();
  await dialog.waitFor({ state: 'detached' });
}

const statusOf = (page: Page) => page.getByTestId('workflow-status');
/** Text without the bidi isolates that wrap names and titles inside translated sentences. */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

describe('section workflow in Chromium: submit, request changes (banner), frozen review, withdraw, resubmit, diffs, approve, lock, dashboard', () => {
  let app: RunningApp;
  let browser: Browser;
  let coordinator: TestUser;
  let author: TestUser;
  let reviewer: TestUser;
  let guide: GuideView;
  let section: SectionView;
  let authorPage: UserPage;
  let reviewerPage: UserPage;
  const serverText = () => {
    const room = app.server.registry.get(section.docName);
    return room ? fragmentText(room.doc.getXmlFragment(SECTION_FRAGMENT)) : '';
  };

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    [coordinator, author, reviewer] = await Promise.all([app.user('Leïla Ben Salah'), app.user('Karim Trabelsi'), app.user('Sami Gharbi')]);
    guide = await coordinator.api.createGuide('Guide du gouvernement ouvert local');
    section = await coordinator.api.createSection(guide.id, 'Le budget participatif');
    const late = await coordinator.api.createSection(guide.id, 'L’accès à l’information');
    await app.join(guide.id, author, 'author');
    await app.join(guide.id, reviewer, 'reviewer');
    const path = (id: string) => `/api/guides/${guide.id}/sections/${id}`;
    await coordinator.api.ok('PATCH', path(section.id), { authorIds: [author.user.id], reviewerIds: [reviewer.user.id], dueDate: '2099-06-30' });
    await coordinator.api.ok('PATCH', path(late.id), { authorIds: [author.user.id], dueDate: '2024-03-01' });
    // the assignments' notifications are read: the bell then counts the workflow's alone
    for (const who of [author, reviewer]) await who.api.ok('POST', '/api/me/notifications/read', { all: true });
    authorPage = await openUser(browser, { cookie: author.cookie, baseUrl: app.url });
    reviewerPage = await openUser(browser, { cookie: reviewer.cookie, baseUrl: app.url });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('author submits, reviewer (told by the bell) requests changes, author edits and resubmits', async () => {
    const { page } = authorPage;
    await openSection(page, app.url, guide.id, section.id);
    await typeParagraph(page, 'Le conseil municipal consulte les habitants chaque année.');
    await expect.poll(serverText, { timeout: 10_000 }).toContain('chaque année');
    await transition(page, 'Soumettre à la relecture', 'Première version complète.');
    await expect.poll(() => statusOf(page).innerText()).toBe('En relecture');

    // the reviewer hears of it through the bell, and its link opens the section
    const rp = reviewerPage.page;
    await rp.goto(`${app.url}/guides/${guide.id}`);
    const bell = rp.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Notifications, 1 non lues');
    await bell.click();
    const item = rp.locator('.bell__link').first();
    expect(plain(await item.innerText())).toContain('Karim Trabelsi a soumis « Le budget participatif »');
    expect(await item.innerText()).toContain('Première version complète.');
    await rp.screenshot({ path: join(artifactsDir, 'workflow-bell-fr.png') });
    await item.click();
    await rp.waitForURL(`**/guides/${guide.id}/sections/${section.id}`);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, aucune non lue');
    await editorOf(rp).waitFor();
    // no earlier validation: nothing to compare with yet
    expect(await rp.getByTestId('changes-view').count()).toBe(0);

    // a note is required to request changes
    await rp.getByTestId('workflow-panel').getByRole('button', { name: 'Demander des modifications' }).click();
    await rp.getByTestId('transition-dialog').getByRole('button', { name: 'Confirmer' }).click();
    expect(await rp.getByTestId('transition-dialog').locator('[role="alert"]').innerText()).toContain('obligatoire');
    await rp.getByTestId('transition-dialog').getByRole('button', { name: 'Annuler' }).click();
    await transition(rp, 'Demander des modifications', 'Ajoutez le calendrier des réunions.');
    await expect.poll(() => statusOf(rp).innerText()).toBe('Brouillon');

    // the author's page follows live (structure change), the bell says why and the note stays on the section
    await expect.poll(() => statusOf(page).innerText(), { timeout: 15_000 }).toBe('Brouillon');
    await expect.poll(() => page.getByTestId('notification-bell').getAttribute('aria-label'), { timeout: 15_000 }).toBe('Notifications, 1 non lues');
    const sentBack = page.getByTestId('sent-back-banner');
    await sentBack.waitFor({ timeout: 15_000 });
    expect(plain(await sentBack.innerText())).toMatch(/Sami Gharbi a demandé des modifications le .+ :\s*Ajoutez le calendrier des réunions\./);
    await page.screenshot({ path: join(artifactsDir, 'workflow-sent-back-fr.png') });
    await expect.poll(() => editorOf(page).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
    await page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
    await typeParagraph(page, 'Calendrier : trois réunions publiques par an.');
    await expect.poll(serverText, { timeout: 10_000 }).toContain('trois réunions');
    await transition(page, 'Soumettre à la relecture');
    await expect.poll(() => statusOf(page).innerText()).toBe('En relecture');
    // the banner goes with the new submission; the text is frozen during review, for its author too
    expect(await sentBack.count()).toBe(0);
    await page.getByTestId('review-banner').waitFor();
    await expect.poll(() => editorOf(page).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('false');
    expect(await page.getByTestId('read-only').innerText()).toContain('En relecture');

    // the author withdraws the submission to add something, then submits again
    await transition(page, 'Retirer la soumission', 'J’ajoute les dates.');
    await expect.poll(() => statusOf(page).innerText()).toBe('Brouillon');
    expect(await sentBack.count()).toBe(0);
    await expect.poll(() => editorOf(page).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
    await page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
    await typeParagraph(page, 'Dates : mars, juin et octobre.');
    await expect.poll(serverText, { timeout: 10_000 }).toContain('octobre');
    await transition(page, 'Soumettre à la relecture');
    await expect.poll(() => statusOf(page).innerText()).toBe('En relecture');

    // the reviewer sees what changed since the previous submission (never validated: nothing else)
    const sinceSubmission = rp.getByTestId('changes-since-submission');
    await sinceSubmission.waitFor({ timeout: 15_000 });
    // the reviewer's page may still show the previous submission's comparison until it reloads
    await expect.poll(() => sinceSubmission.locator('ins').allInnerTexts(), { timeout: 15_000 }).toEqual(['Dates : mars, juin et octobre.']);
    expect(await rp.getByTestId('changes-view').count()).toBe(0);
    await sinceSubmission.screenshot({ path: join(artifactsDir, 'workflow-diff-since-submission-fr.png') });
    expect(authorPage.errors).toEqual([]);
  });

  it('an open comment thread blocks the approval; the refusal links to the thread', async () => {
    const rp = reviewerPage.page;
    await expect.poll(() => statusOf(rp).innerText(), { timeout: 15_000 }).toBe('En relecture');
    const client = connectClient(app.server.wsUrl, section.docName, { cookie: reviewer.cookie });
    let threadId: string;
    try {
      await client.synced();
      const anchor = anchorOn(client.doc, 'trois réunions');
      threadId = (await reviewer.api.ok<ThreadView>('POST', `/api/guides/${guide.id}/sections/${section.id}/threads`, { anchor, body: 'Lesquelles ?' })).id;
    } finally {
      client.destroy();
    }
    try {
      await rp.getByTestId('workflow-panel').getByRole('button', { name: 'Valider la section' }).click();
      const dialog = rp.getByTestId('transition-dialog');
      // said up front, with the count and a link to each thread: no "Confirmer" to be refused after
      const blocked = dialog.getByTestId('approve-blocked');
      await blocked.waitFor();
      expect(await blocked.locator('p').first().innerText()).toBe('Un fil de commentaires est encore ouvert : il doit être résolu avant la validation.');
      expect(await dialog.getByRole('button', { name: 'Confirmer' }).count()).toBe(0);
      const link = dialog.getByTestId('blocking-threads').getByRole('link');
      expect(await link.innerText()).toBe('«trois réunions»');
      await rp.screenshot({ path: join(artifactsDir, 'workflow-open-threads-fr.png') });
      await link.click();
      await dialog.waitFor({ state: 'detached' });
      await rp.waitForURL(`**/sections/${section.id}?thread=${threadId}`);
      expect(await statusOf(rp).innerText()).toBe('En relecture');
    } finally {
      // resolved whatever happened above, so that the next test starts from a section it may approve
      await reviewer.api.ok('PATCH', `/api/guides/${guide.id}/threads/${threadId}`, { status: 'resolved' });
    }
  });

  it('reviewer approves; the author’s editor is locked with a banner and typing into it changes nothing', async () => {
    const rp = reviewerPage.page;
    await expect.poll(() => statusOf(rp).innerText(), { timeout: 15_000 }).toBe('En relecture');
    await transition(rp, 'Valider la section');
    await expect.poll(() => statusOf(rp).innerText()).toBe('Validée');

    const { page } = authorPage;
    const banner = page.getByTestId('validated-banner');
    await banner.waitFor({ timeout: 15_000 });
    expect(plain(await banner.innerText())).toMatch(/Validée par Sami Gharbi le .+\. Le texte est verrouillé/);
    await expect.poll(() => editorOf(page).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('false');
    expect(await page.getByTestId('read-only').innerText()).toContain('verrouillé');
    expect(await page.getByRole('toolbar').count()).toBe(0);
    // typing into the locked editor changes nothing on screen (the server side of the lock, with
    // clients that do send updates, is workflowLock.test.ts)
    await editorOf(page).click();
    await page.keyboard.type('Ajout interdit', { delay: 5 });
    expect(await editorOf(page).innerText()).not.toContain('Ajout interdit');
    await page.screenshot({ path: join(artifactsDir, 'workflow-banner-fr.png') });
  });

  it('after reopening and resubmitting, the reviewer sees what changed since the validated version', async () => {
    await coordinator.api.ok('POST', `/api/guides/${guide.id}/sections/${section.id}/transitions`, { to: 'draft', note: 'Nouvelle loi de finances.' });
    const { page } = authorPage;
    await expect.poll(() => editorOf(page).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
    await page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
    await typeParagraph(page, 'Le seuil passe à 5 % du budget.');
    await expect.poll(serverText, { timeout: 10_000 }).toContain('5 % du budget');
    await transition(page, 'Soumettre à la relecture');

    const rp = reviewerPage.page;
    const changes = rp.getByTestId('changes-view');
    await changes.waitFor({ timeout: 15_000 });
    // the comparison may be drawn for the reopened draft before the submission reaches this page
    await expect.poll(() => changes.locator('ins').allInnerTexts(), { timeout: 15_000 }).toEqual(['Le seuil passe à 5 % du budget.']);
    expect(await changes.locator('del').count()).toBe(0);
    // the submissions before the validation are not compared with
    expect(await rp.getByTestId('changes-since-submission').count()).toBe(0);
    await changes.screenshot({ path: join(artifactsDir, 'workflow-diff-fr.png') });

    // the same comparison in Arabic (right to left around the French text)
    const ar = await openUser(browser, { cookie: reviewer.cookie, baseUrl: app.url, language: 'ar' });
    await openSection(ar.page, app.url, guide.id, section.id);
    await ar.page.getByTestId('changes-view').waitFor();
    await ar.page.screenshot({ path: join(artifactsDir, 'workflow-diff-ar.png') });
    await ar.context.close();

    await transition(rp, 'Valider la section');
    await expect.poll(() => statusOf(rp).innerText()).toBe('Validée');
    // history: every step, with its note
    await rp.getByTestId('section-history').locator('summary').click();
    const entries = await rp.locator('.history__item').allInnerTexts();
    expect(entries).toHaveLength(9); // submit, changes, submit, withdraw, submit, approve, reopen, submit, approve
    expect(entries.join('\n')).toContain('Ajoutez le calendrier des réunions.');
    expect(entries.join('\n')).toContain('Nouvelle loi de finances.');
  });

  it('the dashboard shows counts per state, the overdue section and whether the guide is ready for layout', async () => {
    for (const language of ['fr', 'ar'] as const) {
      const { page, context, errors } = await openUser(browser, { cookie: coordinator.cookie, baseUrl: app.url, language, viewport: { width: 1280, height: 1000 } });
      await page.goto(`${app.url}/guides/${guide.id}`);
      await page.getByTestId('progress-link').click();
      await page.getByTestId('status-chart').waitFor();
      expect(await page.getByTestId('count-validated').locator('strong').innerText()).toBe('1');
      expect(await page.getByTestId('count-draft').locator('strong').innerText()).toBe('1');
      expect(await page.getByTestId('count-review').locator('strong').innerText()).toBe('0');
      expect(await page.getByTestId('figure-overdue').innerText()).toBe('1');
      expect(await page.locator('.progress-table__row--overdue').count()).toBe(1);
      expect(await page.getByTestId('layout-status').innerText()).toContain(language === 'fr' ? 'sections validées, 1 sur 2' : '1 من 2');
      const karim = page.getByTestId('assignees-progress').locator('tr', { hasText: 'Karim Trabelsi' });
      expect((await karim.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual(['1', '0', '1', '1']);
      // the reviewer has a table of their own, and is not late for a draft they have not received
      const sami = page.getByTestId('reviewers-progress').locator('tr', { hasText: 'Sami Gharbi' });
      expect((await sami.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual(['0', '0', '1', '0']);
      expect(await page.getByTestId('assignees-progress').locator('tr', { hasText: 'Sami Gharbi' }).count()).toBe(0);
      // due dates in the interface's language, on one line
      const due = page.locator('.progress-table__due').first();
      const dueText = await due.innerText();
      expect(dueText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(dueText).toMatch(language === 'fr' ? /30 juin 2099/ : /30\D+06\D+2099/);
      // one line: every box of the date (bidi runs make several in Arabic) starts at the same height
      expect(await due.evaluate((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size)).toBe(1);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await page.screenshot({ path: join(artifactsDir, `workflow-dashboard-${language}.png`), fullPage: true });
      expect(errors).toEqual([]);
      await context.close();
    }
    // the author's bell in Arabic (the coordinator acted, so was told nothing)
    const ar = await openUser(browser, { cookie: author.cookie, baseUrl: app.url, language: 'ar' });
    await ar.page.goto(`${app.url}/guides/${guide.id}`);
    await ar.page.getByTestId('notification-bell').click();
    await ar.page.locator('.bell__link').first().waitFor();
    expect(plain(await ar.page.locator('.bell__link').first().innerText())).toContain('صادق Sami Gharbi على «Le budget participatif»');
    await ar.page.screenshot({ path: join(artifactsDir, 'workflow-bell-ar.png') });
    await ar.context.close();
  });
});
