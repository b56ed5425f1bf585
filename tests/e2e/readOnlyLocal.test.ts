import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { fragmentText } from '@dalil/shared/editor';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { useBrowserApp } from './support/browserApp.ts';
import { openUser, type UserPage } from './support/browser.ts';
import { editorOf, openSection } from './support/editor.ts';
import { pendingChanges, waitForOfflineShell } from './support/offline.ts';

const OFFICIAL = 'Texte validé par le comité de pilotage.';

describe('a reader cannot make local edits, not even by forcing them', () => {
  let reader: UserPage;
  let author: YClient;
  let docName: string;
  let coordinatorCookie: string;
  const updatesSent: string[] = [];
  /** URLs of the sockets that answered a server's sync step 1 (the frame that carries local changes on a reconnect). */
  const syncRepliesSent: string[] = [];
  /** URLs of the sockets that sent an awareness frame ([1, …]). */
  const awarenessSent: string[] = [];
  const onSectionSocket = (urls: string[]) => urls.filter((url) => url.includes(`/${docName}`)).length;

  const e2e = useBrowserApp();

  beforeAll(async () => {
    const coordinator = await e2e.app.user('Leïla Ben Salah');
    const nadia = await e2e.app.user('Nadia Ferchichi');
    const { guide, section } = await coordinator.api.guideWithSection();
    await e2e.app.join(guide.id, nadia, 'reader');
    author = connectClient(e2e.app.server.wsUrl, section.docName, { cookie: coordinator.cookie });
    await author.synced();
    author.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      author.fragment.insert(0, [paragraph]);
      const text = new Y.XmlText();
      paragraph.insert(0, [text]);
      text.insert(0, OFFICIAL);
    });
    docName = section.docName;
    coordinatorCookie = coordinator.cookie;
    reader = await openUser(e2e.browser, { cookie: nadia.cookie, baseUrl: e2e.app.url });
    // y-websocket sync frames that carry document changes: [0 (sync), 2 (update), …]; a sync
    // step 2 ([0, 1, …]) answers the server's state vector and carries them as well when not empty
    reader.page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        if (typeof payload !== 'string' && payload[0] === 1) awarenessSent.push(socket.url());
        if (typeof payload === 'string' || payload[0] !== 0) return;
        if (payload[1] === 1) syncRepliesSent.push(socket.url());
        if (payload[1] === 2 || (payload[1] === 1 && !isEmptyUpdate(payload))) updatesSent.push(socket.url());
      }),
    );
    await openSection(reader.page, e2e.app.url, guide.id, section.id);
    await reader.page.getByText(OFFICIAL).waitFor({ timeout: 10_000 });
    await waitForOfflineShell(reader.page);
  });

  afterAll(async () => {
    author?.destroy();
  });

  it('refuses typing into a contenteditable flipped on, editor commands and raw ProseMirror transactions', async () => {
    const { page } = reader;
    await expect.poll(() => editorOf(page).getAttribute('contenteditable')).toBe('false');
    await editorOf(page).evaluate((el) => el.setAttribute('contenteditable', 'true'));
    await editorOf(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' FORCE1', { delay: 5 });
    await page.keyboard.press('Enter');
    const forced = await page.evaluate(() => {
      // what someone in the developer tools can reach: TipTap hangs the editor on its element
      const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor;
      editor.commands.insertContent('FORCE2');
      editor.view.dispatch(editor.state.tr.insertText('FORCE3', 1));
      return editor.state.doc.textContent as string;
    });
    expect(forced).toBe(OFFICIAL);
    // ProseMirror redraws from its (unchanged) state
    await expect.poll(() => editorOf(page).innerText(), { timeout: 5_000 }).not.toMatch(/FORCE/);
  });

  it('never stores or sends a change forced into the Y.Doc: not on the server, not after an offline reload', async () => {
    const { page } = reader;
    const awarenessBefore = onSectionSocket(awarenessSent);
    await page.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor;
      const collaboration = editor.extensionManager.extensions.find((e: { name: string }) => e.name === 'collaboration');
      const paragraph = collaboration.options.document.getXmlFragment('default').get(0);
      paragraph.get(0).insert(0, 'FORCE4 ');
      // then a frame that is surely sent, on the same socket: an awareness change
      const caret = editor.extensionManager.extensions.find((e: { name: string }) => e.name === 'collaborationCaret');
      caret.options.provider.awareness.setLocalStateField('probe', Date.now());
    });
    // a socket sends in order: once the awareness frame is out (not after a sleep), an update sent
    // for the forced change would have been seen before it
    await expect.poll(() => onSectionSocket(awarenessSent), { timeout: 15_000 }).toBeGreaterThan(awarenessBefore);
    expect(updatesSent).toEqual([]);
    expect(fragmentText(author.fragment)).toBe(OFFICIAL);
    expect(await pendingChanges(page)).toBe(0);

    await reader.context.setOffline(true);
    await page.reload({ timeout: 15_000 });
    await editorOf(page).waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.status-line[data-connection="offline"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => editorOf(page).innerText(), { timeout: 10_000 }).toContain(OFFICIAL);
    expect(await editorOf(page).innerText()).not.toMatch(/FORCE/);
    expect(await pendingChanges(page)).toBe(0);
    expect(await page.getByTestId('pending-changes').innerText()).toBe('Aucune modification en attente d’envoi');
    const repliesBefore = onSectionSocket(syncRepliesSent);
    await reader.context.setOffline(false);
    await page.locator('.status-line[data-connection="connected"]').waitFor({ timeout: 15_000 });
    // whatever the reconnected client holds goes in its answer to the server's sync step 1: once
    // that frame is out (not after a sleep), every update it would send has been seen
    await expect.poll(() => onSectionSocket(syncRepliesSent), { timeout: 15_000 }).toBeGreaterThan(repliesBefore);
    expect(updatesSent).toEqual([]);
    expect(fragmentText(author.fragment)).toBe(OFFICIAL);
    const fresh = connectClient(e2e.app.server.wsUrl, docName, { cookie: coordinatorCookie });
    try {
      await fresh.synced();
      expect(fragmentText(fresh.fragment)).toBe(OFFICIAL);
    } finally {
      fresh.destroy();
    }
    expect(reader.errors).toEqual([]);
  });
});

/** A sync step 2 whose update has no structs and no deletions (what a client without changes sends). */
function isEmptyUpdate(frame: Buffer): boolean {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarUint(decoder); // message type
  decoding.readVarUint(decoder); // sync step
  const update = decoding.readVarUint8Array(decoder);
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}
