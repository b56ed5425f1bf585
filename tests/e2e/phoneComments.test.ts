import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GuideView, SectionView, ThreadView } from '@dalil/shared';
import type { TestUser } from '../helpers/accounts.ts';
import { anchorOn, appendParagraphs } from '../helpers/threadAnchors.ts';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { artifactsDir } from './support/app.ts';
import { axeViolations } from './support/axe.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { selectInEditor, threadCard } from './support/comments.ts';
import { editorOf, openSection } from './support/editor.ts';

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };

const EARLY = 'affichage en mairie';
const LATE = 'budget participatif';
const NEW_WORDS = 'registre des doléances';

/** A long section: a phone shows only its first paragraphs, the second thread is far below. */
const PARAGRAPHS = Array.from({ length: 14 }, (_, i) => {
  const topic = i === 2 ? `Le calendrier est publié par ${EARLY} et sur le site de la commune.` : i === 10 ? `Le ${LATE} est voté en séance publique, quartier par quartier.` : i === 6 ? `Un ${NEW_WORDS} est ouvert à l’accueil de la mairie.` : '';
  return `${i + 1}. ${topic} La commune informe les habitants des décisions du conseil municipal, explique les choix budgétaires et rend compte de l’exécution des projets dans chaque arrondissement.`;
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const box = async (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  });

/** The highlighted words of a thread, in the text. */
const highlight = (page: Page, threadId: string) => page.locator(`.ProseMirror [data-thread-id="${threadId}"]`).first();

describe('comments on a phone: a sheet over the text, opened from the words', () => {
  let coordinator: TestUser;
  let amel: TestUser; // contributor: starts the threads
  let karim: TestUser; // author: reads them on his phone
  let guide: GuideView;
  let section: SectionView;
  let early: ThreadView;
  let late: ThreadView;
  let phone: UserPage;

  const e2e = useBrowserApp();

  const threadsNow = () => karim.api.ok<ThreadView[]>('GET', `/api/guides/${guide.id}/threads`);

  beforeAll(async () => {
    [coordinator, amel, karim] = await Promise.all([e2e.app.user('Leïla Ben Salah'), e2e.app.user('Amel Jaziri'), e2e.app.user('Karim Trabelsi')]);
    ({ guide, section } = await coordinator.api.guideWithSection());
    await e2e.app.join(guide.id, amel, 'contributor');
    await e2e.app.join(guide.id, karim, 'author');
    const writer = connectClient(e2e.app.server.wsUrl, section.docName, { cookie: coordinator.cookie });
    const reader = connectClient(e2e.app.server.wsUrl, section.docName, { cookie: amel.cookie });
    try {
      await Promise.all([writer.synced(), reader.synced()]);
      appendParagraphs(writer.doc, PARAGRAPHS);
      // the server has the text once another client got it back: anchors resolve there
      await waitFor('text on the second client', () => reader.fragment.toString().includes(LATE));
      const comment = async (words: string, body: string) =>
        amel.api.ok<ThreadView>('POST', `/api/guides/${guide.id}/sections/${section.id}/threads`, { anchor: anchorOn(reader.doc, words), body });
      early = await comment(EARLY, 'Préciser les horaires d’ouverture du panneau.');
      late = await comment(LATE, 'Citer la délibération qui l’a créé, avec sa date.');
    } finally {
      writer.destroy();
      reader.destroy();
    }
    phone = await openUser(e2e.browser, { cookie: karim.cookie, baseUrl: e2e.app.url, viewport: PHONE });
    await openSection(phone.page, e2e.app.url, guide.id, section.id);
    await highlight(phone.page, late.id).waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await phone?.context.close();
  });

  it('no list after the text: tapping the highlighted words opens their thread in view, over the text', async () => {
    const { page } = phone;
    // nothing of the comments is laid out after the section's text any more
    expect(await page.locator('aside.comments').count()).toBe(0);
    expect(await page.locator('[data-thread-card]').count()).toBe(0);

    const words = highlight(page, late.id);
    await words.scrollIntoViewIfNeeded();
    await words.click();
    const sheet = page.getByRole('dialog', { name: 'Fil de commentaires' });
    await sheet.waitFor();
    const card = threadCard(page, LATE);
    await card.waitFor();
    expect(await card.innerText()).toContain('Citer la délibération');
    // the thread is on screen, inside the viewport (not somewhere after the section)
    const cardBox = await box(page, `[data-thread-card="${late.id}"]`);
    expect(cardBox.top).toBeGreaterThanOrEqual(0);
    expect(cardBox.top).toBeLessThan(PHONE.height);
    expect(cardBox.left).toBeGreaterThanOrEqual(0);
    expect(cardBox.right).toBeLessThanOrEqual(PHONE.width);
    // and the words it is about stay visible above the sheet (scrolled there if the sheet covered them)
    await expect
      .poll(async () => {
        const [w, s] = await Promise.all([box(page, `.ProseMirror [data-thread-id="${late.id}"]`), box(page, '[data-testid="comments-sheet"]')]);
        return w.bottom <= s.top + 0.5 && w.top >= (await box(page, '.app-header')).bottom - 0.5;
      })
      .toBe(true);
    // the sheet is a labelled, non-modal dialog and took the focus on its title
    expect(await sheet.getAttribute('aria-modal')).toBe('false');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('comments-sheet__title');
    await page.screenshot({ path: join(artifactsDir, 'phone-comments-thread-fr-390.png') });
    expect(await axeViolations(page)).toEqual([]);
  });

  it('replies from the sheet (stored on the server), then Escape closes it and focus goes back to the text', async () => {
    const { page } = phone;
    const card = threadCard(page, LATE);
    const reply = card.getByPlaceholder(/Répondre/);
    await reply.click();
    await page.keyboard.type('Délibération n° 12 du 3 mars.', { delay: 5 });
    await card.getByRole('button', { name: 'Répondre' }).click();
    await expect
      .poll(async () => (await threadsNow()).find((th) => th.id === late.id)?.messages.map((m) => m.body), { timeout: 10_000 })
      .toEqual(['Citer la délibération qui l’a créé, avec sa date.', 'Délibération n° 12 du 3 mars.']);
    await expect.poll(() => card.innerText()).toContain('Délibération n° 12 du 3 mars.');

    await page.getByRole('heading', { name: 'Fil de commentaires' }).focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('comments-sheet').waitFor({ state: 'detached' });
    // the highlight was tapped in the editor: focus returns there
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror') ?? false)).toBe(true);
  });

  it('the comments button lists every thread with the filters; tapping one scrolls the text to its words', async () => {
    const { page } = phone;
    // back to the top of the section: the early thread's words are far above
    await page.evaluate(() => document.querySelector('.workspace__main')!.scrollTo({ top: document.querySelector('.workspace__main')!.scrollHeight }));
    const button = page.getByRole('button', { name: 'Commentaires (2)' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    await button.click();
    const sheet = page.getByRole('dialog', { name: /Commentaires \(2 ouverts\)/ });
    await sheet.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await sheet.getByRole('button', { name: 'Ouverts (2)' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => sheet.locator('[data-thread-card]').count()).toBe(2);
    // in text order
    expect(await sheet.locator('.thread__quote q').allInnerTexts()).toEqual([EARLY, LATE]);
    await page.screenshot({ path: join(artifactsDir, 'phone-comments-list-fr-390.png') });
    expect(await axeViolations(page)).toEqual([]);

    await sheet.getByRole('button', { name: `Aller au texte commenté : ${EARLY}` }).click();
    await page.getByRole('dialog', { name: 'Fil de commentaires' }).waitFor();
    expect(await threadCard(page, EARLY).innerText()).toContain('Préciser les horaires');
    await expect
      .poll(async () => {
        const [w, s, header] = await Promise.all([box(page, `.ProseMirror [data-thread-id="${early.id}"]`), box(page, '[data-testid="comments-sheet"]'), box(page, '.app-header')]);
        return w.top >= header.bottom - 0.5 && w.bottom <= s.top + 0.5;
      }, { timeout: 10_000 })
      .toBe(true);
  });

  it('resolves a thread from the sheet', async () => {
    const { page } = phone;
    const card = threadCard(page, EARLY);
    await card.getByRole('button', { name: 'Marquer comme résolu' }).click();
    await expect.poll(async () => (await threadsNow()).find((th) => th.id === early.id)?.status, { timeout: 10_000 }).toBe('resolved');
    await expect.poll(() => card.innerText()).toMatch(/Résolu par Karim Trabelsi le/);
    await expect.poll(() => page.getByRole('button', { name: 'Commentaires (1)' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Fermer les commentaires' }).click();
    await page.getByTestId('comments-sheet').waitFor({ state: 'detached' });
  });

  it('comments a selection: "Commenter" appears by the status line, the new thread is written in the sheet', async () => {
    const { page } = phone;
    await page.evaluate((needle) => {
      const p = [...document.querySelectorAll('.ProseMirror p')].find((el) => el.textContent?.includes(needle));
      p?.scrollIntoView({ block: 'center' });
    }, NEW_WORDS);
    await selectInEditor(page, NEW_WORDS);
    const add = page.locator('.section-pane__footer').getByRole('button', { name: 'Commenter' });
    await add.waitFor();
    await page.screenshot({ path: join(artifactsDir, 'phone-comments-selection-fr-390.png') });
    await add.click();
    const form = page.getByTestId('comments-sheet').locator('.thread--new');
    await form.waitFor();
    expect(await form.locator('q').innerText()).toBe(NEW_WORDS);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.keyboard.type('Où est-il annoncé ?', { delay: 5 });
    await form.getByRole('button', { name: 'Commenter' }).click();
    await expect
      .poll(async () => (await threadsNow()).find((th) => th.quote === NEW_WORDS)?.messages[0]?.body, { timeout: 10_000 })
      .toBe('Où est-il annoncé ?');
    // the sheet now shows the new thread, and the words are highlighted
    await page.getByRole('dialog', { name: 'Fil de commentaires' }).waitFor();
    await expect.poll(() => page.locator('.ProseMirror [data-thread-id]', { hasText: NEW_WORDS }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByTestId('comments-sheet').waitFor({ state: 'detached' });
  });

  for (const viewport of [PHONE, SMALL_PHONE]) {
    it(`at ${viewport.width}×${viewport.height}, the status line never covers the last line of the text`, async () => {
      const { page } = phone;
      await page.setViewportSize(viewport);
      await expect
        .poll(async () => {
          // scrolled to the bottom on every try: under load the layout may still settle (the resize,
          // the sheet that just closed) after a single scroll, which left the text short of the end
          await page.evaluate(() => {
            const main = document.querySelector('.workspace__main')!;
            main.scrollTop = main.scrollHeight;
          });
          const [last, status] = await Promise.all([box(page, '.ProseMirror > :last-child'), box(page, '.section-pane__footer')]);
          return { lastLineAboveStatus: last.bottom <= status.top + 0.5, statusInView: status.bottom <= viewport.height + 0.5, oneRow: status.bottom - status.top < 48 };
        })
        .toEqual({ lastLineAboveStatus: true, statusInView: true, oneRow: true });
      await page.screenshot({ path: join(artifactsDir, `phone-comments-bottom-fr-${viewport.width}.png`) });
      await page.setViewportSize(PHONE);
      expect(phone.errors).toEqual([]);
    });
  }

  it('the notifications panel fits the phone, whichever header item the bell is', async () => {
    const { page } = phone;
    for (const viewport of [PHONE, SMALL_PHONE]) {
      await page.setViewportSize(viewport);
      await page.getByTestId('notification-bell').click();
      const panel = page.locator('.bell__popover');
      await panel.waitFor();
      const box = (await panel.boundingBox())!;
      expect({ left: box.x >= 0, right: box.x + box.width <= viewport.width }).toEqual({ left: true, right: true });
      await page.screenshot({ path: join(artifactsDir, `phone-bell-${viewport.width}.png`) });
      await page.getByTestId('notification-bell').click();
      await panel.waitFor({ state: 'detached' });
    }
    await page.setViewportSize(PHONE);
  });

  it('a link to a thread (a mention in the bell, a blocked approval) opens it in the sheet with its words in view', async () => {
    const { page } = phone;
    await page.goto(`${e2e.app.url}/guides/${guide.id}/sections/${section.id}?thread=${late.id}`);
    await page.getByRole('dialog', { name: 'Fil de commentaires' }).waitFor({ timeout: 15_000 });
    expect(await threadCard(page, LATE).innerText()).toContain('Délibération n° 12 du 3 mars.');
    await expect
      .poll(async () => {
        const [w, s] = await Promise.all([box(page, `.ProseMirror [data-thread-id="${late.id}"]`), box(page, '[data-testid="comments-sheet"]')]);
        return w.top >= 0 && w.bottom <= s.top + 0.5;
      }, { timeout: 10_000 })
      .toBe(true);
    // nothing had focus before the sheet: closing it leaves focus on the comments button
    await page.keyboard.press('Escape');
    await page.getByTestId('comments-sheet').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('phone-comments-button');
  });

  it('in Arabic (right to left): the sheet opens from the words, in view, with no accessibility violation', async () => {
    const ar = await openUser(e2e.browser, { cookie: amel.cookie, baseUrl: e2e.app.url, language: 'ar', viewport: PHONE });
    try {
      const { page } = ar;
      await openSection(page, e2e.app.url, guide.id, section.id);
      const words = highlight(page, late.id);
      await words.waitFor({ timeout: 15_000 });
      await words.scrollIntoViewIfNeeded();
      await words.click();
      const sheet = page.getByRole('dialog', { name: 'سلسلة التعليقات' });
      await sheet.waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      const card = await box(page, `[data-thread-card="${late.id}"]`);
      expect(card.top).toBeLessThan(PHONE.height);
      expect(card.left).toBeGreaterThanOrEqual(0);
      expect(card.right).toBeLessThanOrEqual(PHONE.width);
      // the close button sits at the inline end: on the left in Arabic
      const [close, title] = await Promise.all([box(page, '.comments-sheet__close'), box(page, '.comments-sheet__title')]);
      expect(close.right).toBeLessThanOrEqual(title.left + 0.5);
      await page.screenshot({ path: join(artifactsDir, 'phone-comments-thread-ar-390.png') });
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await sheet.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: /التعليقات/ }).click();
      await page.getByTestId('comments-sheet').locator('[data-thread-card]').first().waitFor();
      await page.screenshot({ path: join(artifactsDir, 'phone-comments-list-ar-390.png') });
      expect(await axeViolations(page)).toEqual([]);
      expect(ar.errors).toEqual([]);
    } finally {
      await ar.context.close();
    }
  });

  it('a wide screen keeps the comments beside the text, with no sheet and no button', async () => {
    const { page } = phone;
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.locator('aside.comments').waitFor();
    expect(await page.getByTestId('phone-comments-button').count()).toBe(0);
    const [text, panel] = await Promise.all([box(page, '.ProseMirror'), box(page, 'aside.comments')]);
    expect(panel.left).toBeGreaterThanOrEqual(text.right);
    expect(await editorOf(page).innerText()).toContain(LATE);
    await page.setViewportSize(PHONE);
  });
});
