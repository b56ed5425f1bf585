import { beforeAll, describe, expect, it } from 'vitest';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import { join } from 'node:path';
import { connectClient } from '../helpers/yClient.ts';
import { artifactsDir } from './support/app.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';
import { occurrences, pendingChanges, settledPendingChanges, waitForOfflineShell } from './support/offline.ts';

// unique tokens: every one of them must arrive exactly once
const first = Array.from({ length: 8 }, (_, i) => `hl${i}avant`);
const second = Array.from({ length: 8 }, (_, i) => `hl${i}apres`);
const tokens = [...first, ...second];

describe('offline in the browser: edits survive a reload without network and merge once', () => {
  let writer: UserPage; // A: goes offline
  let watcher: UserPage; // B: stays online
  let cookie: string;
  let guideId: string;
  let sectionId: string;
  let docName: string;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const hela = await e2e.app.user('Hela Gharbi');
    const karim = await e2e.app.user('Karim Trabelsi');
    const { guide, section } = await hela.api.guideWithSection();
    await e2e.app.join(guide.id, karim, 'author');
    ({ cookie } = hela);
    guideId = guide.id;
    sectionId = section.id;
    docName = section.docName;
    writer = await openUser(e2e.browser, { cookie: hela.cookie, baseUrl: e2e.app.url });
    watcher = await openUser(e2e.browser, { cookie: karim.cookie, baseUrl: e2e.app.url });
    await openSection(writer.page, e2e.app.url, guideId, sectionId);
    await openSection(watcher.page, e2e.app.url, guideId, sectionId);
    await waitForOfflineShell(writer.page);
  });

  it('counts what waits to be sent while offline, and nothing reaches the other person', async () => {
    await writer.context.setOffline(true);
    await writer.page.locator('.status-line[data-connection="offline"]').waitFor({ timeout: 10_000 });
    await typeParagraph(writer.page, `${first.join(' ')}.`);
    await expect.poll(() => pendingChanges(writer.page), { timeout: 5_000 }).toBeGreaterThanOrEqual(first.join(' ').length);
    expect(await writer.page.getByTestId('pending-changes').innerText()).toMatch(/^\d+ modifications en attente d’envoi$/);
    // the socket is really closed: the server has none of it (asked by a fresh client once synced:
    // a fact, not the luck of a sleep), so the other person has nothing either
    const probe = connectClient(e2e.app.server.wsUrl, docName, { cookie });
    try {
      await probe.synced();
      expect(fragmentText(probe.doc.getXmlFragment(SECTION_FRAGMENT))).not.toContain(first[0]);
    } finally {
      probe.destroy();
    }
    expect(await editorOf(watcher.page).innerText()).not.toContain(first[0]);
  });

  it('reloads without network: the app comes from the service worker, the text from IndexedDB', async () => {
    const before = (await settledPendingChanges(writer.page))!;
    const reply = await writer.page.reload({ timeout: 15_000 });
    expect(reply?.fromServiceWorker()).toBe(true);
    await editorOf(writer.page).waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => editorOf(writer.page).innerText(), { timeout: 10_000 }).toContain(first.at(-1)!);
    expect(await writer.page.locator('h1#section-title').innerText()).toBe('Section de test');
    await writer.page.locator('.status-line[data-connection="offline"]').waitFor({ timeout: 10_000 });
    // the server's last confirmation was kept too: the count is the same as before the reload
    await expect.poll(() => pendingChanges(writer.page), { timeout: 5_000 }).toBe(before);
    expect(await editorOf(writer.page).getAttribute('contenteditable')).toBe('true');

    await typeParagraph(writer.page, `${second.join(' ')}.`);
    await expect.poll(() => pendingChanges(writer.page), { timeout: 5_000 }).toBeGreaterThan(before + second.join(' ').length - 1);
    await writer.page.locator('.status-line').screenshot({ path: join(artifactsDir, 'offline-pending-fr.png') });
  });

  it('sends everything once the network returns: the other person gets every word exactly once', async () => {
    await writer.context.setOffline(false);
    await writer.page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 15_000 });
    expect(await pendingChanges(writer.page)).toBe(0);
    expect(await writer.page.getByTestId('save-status').innerText()).toContain('Enregistré sur le serveur');

    await expect.poll(async () => missing(await editorOf(watcher.page).innerText()), { timeout: 10_000 }).toEqual([]);
    const seen = await editorOf(watcher.page).innerText();
    expect(tokens.map((token) => occurrences(seen, token))).toEqual(tokens.map(() => 1));
  });

  it('keeps the text once on the server (a fresh stock client) and for a fresh browser context', async () => {
    const client = connectClient(e2e.app.server.wsUrl, docName, { cookie });
    try {
      await client.synced();
      const onServer = fragmentText(client.doc.getXmlFragment(SECTION_FRAGMENT));
      expect(tokens.map((token) => occurrences(onServer, token))).toEqual(tokens.map(() => 1));
    } finally {
      client.destroy();
    }
    const fresh = await openUser(e2e.browser, { cookie, baseUrl: e2e.app.url });
    await openSection(fresh.page, e2e.app.url, guideId, sectionId);
    await expect.poll(async () => missing(await editorOf(fresh.page).innerText()), { timeout: 10_000 }).toEqual([]);
    const seen = await editorOf(fresh.page).innerText();
    expect(tokens.map((token) => occurrences(seen, token))).toEqual(tokens.map(() => 1));
    expect([...writer.errors, ...watcher.errors, ...fresh.errors]).toEqual([]);
  });

  it('says the same in Arabic, right to left', async () => {
    const arabic = await openUser(e2e.browser, { cookie, baseUrl: e2e.app.url, language: 'ar' });
    await openSection(arabic.page, e2e.app.url, guideId, sectionId);
    await arabic.context.setOffline(true);
    await arabic.page.locator('.status-line[data-connection="offline"]').waitFor({ timeout: 10_000 });
    await typeParagraph(arabic.page, 'فقرة كتبت دون اتصال');
    await expect.poll(() => pendingChanges(arabic.page), { timeout: 5_000 }).toBeGreaterThan(10);
    const pending = await arabic.page.getByTestId('pending-changes').innerText();
    expect(pending).toMatch(/^\d+ (تعديلًا|تعديلات|تعديل) في انتظار الإرسال$/); // Arabic plural forms by count
    expect(await arabic.page.locator('html').getAttribute('dir')).toBe('rtl');
    await arabic.page.locator('.status-line').screenshot({ path: join(artifactsDir, 'offline-pending-ar.png') });
    await arabic.context.setOffline(false);
    await arabic.page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 15_000 });
    expect(arabic.errors).toEqual([]);
  });
});

function missing(text: string): string[] {
  return tokens.filter((token) => occurrences(text, token) === 0);
}
