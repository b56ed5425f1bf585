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

  it('delivers what the browser types to the Node client', async () => {
    await typeParagraph(user.page, 'Compte rendu de mission envoyé.');
    await expect
      .poll(() => client.fragment.toJSON(), { timeout: 10_000 })
      .toContain('Compte rendu de mission envoyé.');
    expect(user.errors).toEqual([]);
  });
});
