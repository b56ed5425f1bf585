import * as Y from 'yjs';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GUIDE_ROOM_CONTENT } from '@dalil/shared';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { expectProblem } from './support/consoleGuard.ts';
import { editorOf } from './support/editor.ts';
import { tocRow } from './support/toc.ts';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

/**
 * Holds the page's first reply for the guide (fetched from the server, kept back) until `release`:
 * what happens in between is what a slow link lets happen between the guide's reply and the guide
 * room's socket, which a deep link opens only once the section's editor exists.
 */
async function holdGuideReply(page: Page, guideId: string): Promise<{ fetched: Promise<void>; release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let fetched!: () => void;
  const wasFetched = new Promise<void>((resolve) => (fetched = resolve));
  await page.route(
    (url) => url.pathname === `/api/guides/${guideId}`,
    async (route: Route) => {
      const response = await route.fetch();
      const body = await response.body();
      fetched();
      await released;
      await route.fulfill({ response, body });
    },
    { times: 1 },
  );
  return { fetched: wasFetched, release };
}

describe('the guide room catches up with what happened before it connected', () => {
  const e2e = useBrowserApp();

  it('text that settled between the guide reply and the room updates the word counts', async () => {
    const author = await e2e.app.user('Samia');
    const { guide, section } = await author.api.guideWithSection();
    const other = await author.api.createSection(guide.id, 'Bonnes pratiques');
    // someone already in the guide keeps its room loaded: the announcement is kept there
    const listener = connectClient(e2e.app.server.wsUrl, guide.roomName, { cookie: author.cookie });
    await listener.synced();
    const announced = listener.doc.getArray<number>(GUIDE_ROOM_CONTENT);

    const { page, context } = await openUser(e2e.browser, { cookie: author.cookie, baseUrl: e2e.app.url });
    const held = await holdGuideReply(page, guide.id);
    await page.goto(`${e2e.app.url}/guides/${guide.id}/sections/${section.id}`);
    await held.fetched;
    // while the reply travels, another section gets text and settles: the room announces it
    const writer = connectClient(e2e.app.server.wsUrl, other.docName, { cookie: author.cookie });
    await writer.synced();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Un deux trois quatre cinq six sept')]);
    writer.fragment.push([paragraph]);
    writer.destroy();
    await waitFor('the settled text to be announced', () => announced.length > 0, { timeoutMs: 30_000, intervalMs: 100 });
    held.release();

    await editorOf(page).waitFor({ timeout: 15_000 });
    // the page drew the reply from before the text (0 words), then its room's first sync was news
    await expect.poll(() => tocRow(page, 'Bonnes pratiques').locator('.toc-row__words').innerText(), { timeout: 15_000 }).toMatch(/^7\b/);
    listener.destroy();
    await context.close();
  });

  it('a member removed between the guide reply and the sockets is told access was lost (4403)', async () => {
    const coordinator = await e2e.app.user('Leïla');
    const member = await e2e.app.user('Hédi');
    const { guide, section } = await coordinator.api.guideWithSection();
    await e2e.app.join(guide.id, member, 'author');

    const { page, context } = await openUser(e2e.browser, { cookie: member.cookie, baseUrl: e2e.app.url });
    expectProblem(page, /status of 403 .*\/api\/guides\/[^/]+(\/|:)/, 'the member was removed: the page asks the guide again and shows that access was lost');
    const held = await holdGuideReply(page, guide.id);
    await page.goto(`${e2e.app.url}/guides/${guide.id}/sections/${section.id}`);
    await held.fetched;
    await coordinator.api.ok('DELETE', `/api/guides/${guide.id}/members/${member.user.id}`);
    held.release();

    // the sockets are refused (4403) as they open: the page asks the guide again, and is told no
    await page.getByTestId('access-lost').waitFor({ timeout: 15_000 });
    await context.close();
  });
});
