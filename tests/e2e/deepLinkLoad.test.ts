import * as Y from 'yjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { editorOf } from './support/editor.ts';
import type { GuideView } from '@dalil/shared';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

const SENTENCE = 'Le comité de suivi se réunit chaque trimestre et publie son compte rendu en mairie. ';

/** Every request the page makes and the bytes its section socket receives, from the start of a load. */
function watchLoad(page: Page, sectionId: string): { requests: string[]; sectionSocketBytes: () => number } {
  const requests: string[] = [];
  let socketBytes = 0;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requests.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith(`/collab/${sectionId}`)) return;
    socket.on('framereceived', ({ payload }) => {
      socketBytes += typeof payload === 'string' ? Buffer.byteLength(payload) : payload.byteLength;
    });
  });
  return { requests, sectionSocketBytes: () => socketBytes };
}

describe('opening a section by its link: the text comes with the page, the socket only syncs what differs', () => {
  const e2e = useBrowserApp();

  it('first visit: the state preloaded with the code, asked once; a reload: the copy in IndexedDB and the text once', async () => {
    const author = await e2e.app.user('Mounir');
    const { guide, section } = await author.api.guideWithSection();
    const writer = connectClient(e2e.app.server.wsUrl, section.docName, { cookie: author.cookie });
    await writer.synced();
    writer.doc.transact(() => {
      for (let i = 0; i < 40; i++) {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(`${i + 1}. ${SENTENCE.repeat(3)}`)]);
        writer.fragment.push([paragraph]);
      }
    });
    const stateBytes = Y.encodeStateAsUpdate(writer.doc).byteLength;
    expect(stateBytes).toBeGreaterThan(8_000);
    // the text settles (word counts announced) before the page opens: an announcement during the load
    // would rightly make the page fetch the guide again
    await waitFor(
      'the text to settle',
      async () => (await author.api.ok<GuideView>('GET', `/api/guides/${guide.id}`)).sections.find((s) => s.id === section.id)!.wordCount > 0,
      { timeoutMs: 30_000, intervalMs: 200 },
    );

    const { page, context } = await openUser(e2e.browser, { cookie: author.cookie, baseUrl: e2e.app.url });
    const first = watchLoad(page, section.docName);
    await page.goto(`${e2e.app.url}/guides/${guide.id}/sections/${section.id}`);
    await expect.poll(() => editorOf(page).innerText(), { timeout: 15_000 }).toContain('40. Le comité de suivi');
    await page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
    await page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 15_000 });
    const statePath = `GET /api/guides/${guide.id}/sections/${section.id}/state`;
    expect(first.requests.filter((r) => r === statePath)).toHaveLength(1);
    // no API call is made twice in one load
    expect(first.requests.filter((r, i) => first.requests.indexOf(r) !== i)).toEqual([]);
    // the socket brought what changed since the preloaded state: nothing, not the whole text again
    expect(first.sectionSocketBytes()).toBeLessThan(1_000);
    // What the load does besides the section waits for its editor, or for the 3 s bound on a machine
    // too loaded to make it sooner (useAfterSectionEditor.ts); the guide does not. A resource entry
    // appears once its reply has ended: polled until the four are there.
    const SECONDARY = [/\/suggestions$/, /\/suggestion-counts$/, /^\/api\/me\/notifications$/];
    const timing = () =>
      page.evaluate(() => ({
        editorAt: performance.getEntriesByName('dalil:editor-created')[0]?.startTime ?? null,
        requests: performance.getEntriesByType('resource').map((r) => ({ path: new URL(r.name).pathname, at: r.startTime })),
      }));
    await expect.poll(async () => (await timing()).requests.filter((r) => SECONDARY.some((p) => p.test(r.path))).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(4);
    const { editorAt, requests } = await timing();
    expect(editorAt).not.toBeNull();
    const released = Math.min(editorAt!, 3000);
    expect(requests.find((r) => /^\/api\/guides\/[^/]+$/.test(r.path))!.at).toBeLessThan(released);
    for (const r of requests.filter((r) => SECONDARY.some((p) => p.test(r.path)))) expect(r.at, r.path).toBeGreaterThanOrEqual(released);

    const second = watchLoad(page, section.docName);
    await page.reload();
    await expect.poll(() => editorOf(page).innerText(), { timeout: 15_000 }).toContain('40. Le comité de suivi');
    await page.locator('.status-line[data-save="saved"]').waitFor({ timeout: 15_000 });
    // the HTML of a load the service worker does not serve yet preloads the state again; never twice
    expect(second.requests.filter((r) => r === statePath).length).toBeLessThanOrEqual(1);
    expect(second.requests.filter((r, i) => second.requests.indexOf(r) !== i)).toEqual([]);
    expect(second.sectionSocketBytes()).toBeLessThan(1_000);
    // the text is there once, not twice (the local copy and the server's state are the same edits)
    expect((await editorOf(page).innerText()).split('40. Le comité de suivi').length - 1).toBe(1);
    writer.destroy();
    await context.close();
  });
});
