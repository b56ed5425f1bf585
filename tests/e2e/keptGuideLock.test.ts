import { describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';
import { pendingChanges } from './support/offline.ts';
import { tocLink } from './support/toc.ts';

const TOKEN = 'ajoutcalendrierhorsligne';

/**
 * A page first draws the guide this browser kept from its last visit. What that copy says must not
 * decide what cannot be undone: here it says a section is in review (locked), which would clear the
 * section's local copy, while the server, on this visit, says it is a draft again; the local copy
 * holds edits made offline that the server never received.
 */
describe('the kept guide draws; the server of this visit decides', () => {
  const e2e = useBrowserApp();

  it('offline edits to a section that was locked and reopened meanwhile survive a deep link to it', async () => {
    const coordinator = await e2e.app.user('Leïla Ben Salah');
    const author = await e2e.app.user('Hela Gharbi');
    const { guide, section } = await coordinator.api.guideWithSection();
    const other = await coordinator.api.createSection(guide.id, 'Budget participatif');
    await e2e.app.join(guide.id, author, 'author');
    const transitions = `/api/guides/${guide.id}/sections/${section.id}/transitions`;

    const { page, context } = await openUser(e2e.browser, { cookie: author.cookie, baseUrl: e2e.app.url });
    await openSection(page, e2e.app.url, guide.id, section.id);
    // offline, the author writes in the section, then moves to another one: the edit waits in IndexedDB
    await context.setOffline(true);
    await page.locator('.status-line[data-connection="offline"]').waitFor({ timeout: 10_000 });
    await typeParagraph(page, `${TOKEN}.`);
    await expect.poll(() => pendingChanges(page), { timeout: 5_000 }).toBeGreaterThan(0);
    await tocLink(page, other.title).click();
    await expect.poll(() => new URL(page.url()).pathname).toContain(other.id);

    // meanwhile the section goes to review; back online, a load of the other section keeps the guide saying so
    await coordinator.api.ok('POST', transitions, { to: 'review' });
    await context.setOffline(false);
    await page.reload();
    await editorOf(page).waitFor({ timeout: 15_000 });
    await expect
      .poll(() =>
        page.evaluate(async (path) => {
          const kept = await caches.match(path, { cacheName: 'dalil-api' });
          return kept ? ((await kept.json()) as GuideView).sections.map((s) => s.status) : [];
        }, `/api/guides/${guide.id}`),
      )
      .toContain('review');
    await page.close();

    // the section is reopened while the author is away; the author comes back by its link
    await coordinator.api.ok('POST', transitions, { to: 'draft', note: 'Compléter le calendrier.' });
    const again = await context.newPage();
    // the guide's reply takes its time, as on a mobile link: the kept copy is drawn first
    await again.route(`**/api/guides/${guide.id}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await openSection(again, e2e.app.url, guide.id, section.id);
    await expect.poll(() => editorOf(again).getAttribute('contenteditable'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => editorOf(again).innerText(), { timeout: 15_000 }).toContain(TOKEN);
    // and the edit reaches the server at last
    const probe = connectClient(e2e.app.server.wsUrl, section.docName, { cookie: coordinator.cookie });
    try {
      await probe.synced();
      await waitFor('the offline edit on the server', () => fragmentText(probe.doc.getXmlFragment(SECTION_FRAGMENT)).includes(TOKEN), { timeoutMs: 15_000 });
    } finally {
      probe.destroy();
    }
    await context.close();
  });
});
