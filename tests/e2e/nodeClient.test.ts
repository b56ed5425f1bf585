import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { startApp, type RunningApp } from './support/app.ts';
import { launchBrowser, openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection, typeParagraph } from './support/editor.ts';

describe('a stock y-websocket client in Node and the browser editor share a section', () => {
  let app: RunningApp;
  let browser: Browser;
  let user: UserPage;
  let client: YClient;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const nadia = await app.user('Nadia');
    const script = await app.user('Import script');
    const { guide, section } = await nadia.api.guideWithSection();
    await app.join(guide.id, script, 'author');
    user = await openUser(browser, { cookie: nadia.cookie, baseUrl: app.url });
    await openSection(user.page, app.url, guide.id, section.id);
    // a stock provider, signed in as an author through its session cookie
    client = connectClient(app.server.wsUrl, section.docName, { cookie: script.cookie });
    await client.synced();
  });

  afterAll(async () => {
    client?.destroy();
    await browser?.close();
    await app?.stop();
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
