import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';

describe('a stock y-websocket client in Node and the browser editor share a section', () => {
  let user: UserPage;
  let client: YClient;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const nadia = await e2e.app.user('Nadia');
    const script = await e2e.app.user('Import script');
    const { guide, section } = await nadia.api.guideWithSection();
    await e2e.app.join(guide.id, script, 'author');
    user = await openUser(e2e.browser, { cookie: nadia.cookie, baseUrl: e2e.app.url });
    await openSection(user.page, e2e.app.url, guide.id, section.id);
    // a stock provider, signed in as an author through its session cookie
    client = connectClient(e2e.app.server.wsUrl, section.docName, { cookie: script.cookie });
    await client.synced();
  });

  afterAll(async () => {
    client?.destroy();
  });

  it('shows a paragraph written by the Node client, bold mark included', async () => {
    client.doc.transact(() => {
      // integrate first: a Y type not yet in the document does not know its own length
      const paragraph = new Y.XmlElement('paragraph');
      client.fragment.insert(client.fragment.length, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.applyDelta([{ insert: 'Note de cadrage : ' }, { insert: 'immersion à Béja', attributes: { bold: {} } }]);
    });
    await expect.poll(() => editorOf(user.page).innerText(), { timeout: 10_000 }).toContain('Note de cadrage : immersion à Béja');
    expect(await user.page.locator('.ProseMirror strong').innerText()).toBe('immersion à Béja');
  });

  it("leaves an address in someone else's text as they wrote it, and links one's own typing", async () => {
    // At the top: an editor sees a remote change as the whole document replaced, and the
    // autolink then looks at the first paragraph's last word.
    client.doc.transact(() => {
      const paragraphs = [new Y.XmlElement('paragraph'), new Y.XmlElement('paragraph')];
      client.fragment.insert(0, paragraphs);
      paragraphs.forEach((paragraph, i) => {
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        text.insert(0, i === 0 ? 'Budget publié sur www.commune-beja.tn ' : 'Suite du compte rendu.');
      });
    });
    await expect.poll(() => editorOf(user.page).innerText(), { timeout: 10_000 }).toContain('Suite du compte rendu.');
    // Its own typing is linked (the same plugin, so a second of it is enough to have run).
    await typeParagraph(user.page, 'Portail : https://www.fnct.tn ');
    await user.page.locator('.ProseMirror a[href="https://www.fnct.tn"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => client.fragment.toJSON(), { timeout: 10_000 }).toMatch(/<link[^>]*>https:\/\/www\.fnct\.tn<\/link>/);
    expect(await user.page.locator('.ProseMirror a', { hasText: 'commune-beja' }).count()).toBe(0);
    expect(client.fragment.toJSON()).not.toMatch(/<link[^>]*>www\.commune-beja\.tn/);
    expect(client.fragment.toJSON()).toContain('Budget publié sur www.commune-beja.tn');
  });

  it('delivers what the browser types to the Node client', async () => {
    await typeParagraph(user.page, 'Compte rendu de mission envoyé.');
    await expect
      .poll(() => client.fragment.toJSON(), { timeout: 10_000 })
      .toContain('Compte rendu de mission envoyé.');
    expect(user.errors).toEqual([]);
  });
});
