import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { can, GUIDE_ROLES, type GuideRole } from '@dalil/shared';
import { docOnDisk } from '../helpers/docOnDisk.ts';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { barrier } from '../helpers/barrier.ts';
import { waitFor } from '../helpers/waitFor.ts';

function closeOf(url: string, headers: Record<string, string>): Promise<{ code: number; reason: string; gotData: boolean }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    let gotData = false;
    ws.on('message', () => (gotData = true));
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString(), gotData }));
    ws.on('error', () => {});
  });
}

describe('WebSocket permissions with stock y-websocket clients', () => {
  const clients: YClient[] = [];
  const setup = useGuideTeam({ RATE_LIMIT_PER_MINUTE: '100000' });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
  });
  const docName = () => setup.team.section.docName;
  const open = (role: GuideRole, doc?: Y.Doc, connect = true) => {
    const c = connectClient(setup.server.wsUrl, docName(), { cookie: setup.team.byRole[role].cookie, doc, connect });
    clients.push(c);
    return c;
  };
  const room = () => setup.server.registry.get(docName());
  const serverText = () => setup.server.registry.get(docName())?.doc.getText('text').toString() ?? '';

  it('refuses before sending anything: 4401 without session, 4403 outsider or foreign origin, 4404 unknown, 4400 bad name', async () => {
    const base = `${setup.server.wsUrl}`;
    const coordinator = { cookie: setup.team.byRole.coordinator.cookie };
    expect(await closeOf(`${base}/${docName()}`, {})).toMatchObject({ code: 4401, gotData: false });
    expect(await closeOf(`${base}/${docName()}`, { cookie: 'dalil_session=forged' })).toMatchObject({ code: 4401, gotData: false });
    expect(await closeOf(`${base}/${docName()}`, { cookie: setup.team.outsider.cookie })).toMatchObject({ code: 4403, gotData: false });
    expect(await closeOf(`${base}/${setup.team.guide.roomName}`, { cookie: setup.team.outsider.cookie })).toMatchObject({ code: 4403 });
    expect(await closeOf(`${base}/${docName()}`, { ...coordinator, origin: 'https://evil.example' })).toMatchObject({ code: 4403, gotData: false });
    expect(await closeOf(`${base}/unknownDocument`, coordinator)).toMatchObject({ code: 4404, gotData: false });
    expect(await closeOf(`${base}/..%2F..%2Fmetadata.json`, coordinator)).toMatchObject({ code: 4400, gotData: false });
    expect(await closeOf(`${base}/${'a'.repeat(65)}`, coordinator)).toMatchObject({ code: 4400 });
  });

  it('every member receives the document; only coordinator and author change it', async () => {
    const seed = open('coordinator');
    await seed.synced();
    seed.text.insert(0, 'Texte initial.');
    await waitFor('server has the seed', () => serverText() === 'Texte initial.');

    for (const role of GUIDE_ROLES) {
      const c = open(role);
      await c.synced();
      await waitFor(`${role} received the document`, () => c.text.toString().startsWith('Texte initial.'));
      const before = serverText();
      c.text.insert(c.text.length, ` [${role}]`);
      if (can(role, 'section.editText')) {
        await waitFor(`${role}'s edit applied`, () => serverText().includes(`[${role}]`));
      } else {
        await barrier(c, room);
        expect(serverText(), `${role}'s update must be dropped`).toBe(before);
      }
    }
  });

  it('offline edits of a read-only member, sent as sync step 2 on connect, are dropped too', async () => {
    for (const role of ['contributor', 'reviewer', 'reader'] as const) {
      const doc = new Y.Doc();
      doc.getText('text').insert(0, `hors-ligne ${role} `);
      const c = open(role, doc);
      await c.synced();
      await barrier(c, room);
      expect(serverText()).not.toContain(`hors-ligne ${role}`);
    }
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'hors-ligne auteur ');
    const author = open('author', doc);
    await author.synced();
    await waitFor('author offline edit merged', () => serverText().includes('hors-ligne auteur'));
  });

  it('what is on disk never contains a read-only member’s text', async () => {
    await setup.server.registry.flushAll();
    const { doc } = await docOnDisk(setup.server.dataDir, docName());
    const text = doc.getText('text').toString();
    expect(text).toContain('[coordinator]');
    expect(text).toContain('[author]');
    for (const role of ['contributor', 'reviewer', 'reader']) {
      expect(text).not.toContain(`[${role}]`);
      expect(text).not.toContain(`hors-ligne ${role}`);
    }
  });

  it('presence carries the real account: a spoofed name is replaced, extra awareness ids are ignored', async () => {
    const watcher = open('coordinator');
    const spoofer = open('reader');
    await Promise.all([watcher.synced(), spoofer.synced()]);
    spoofer.provider.awareness.setLocalStateField('user', { name: 'Leila Coordinatrice', color: '#123456' });
    const readerName = setup.team.byRole.reader.user.name;
    // other readers' clients from earlier tests are present too: look at this socket's entry
    await waitFor('watcher sees the spoofer under her real name', () =>
      (watcher.provider.awareness.getStates().get(spoofer.doc.clientID)?.user as { name?: string } | undefined)?.name === readerName,
    );
    const spoofed = watcher.provider.awareness.getStates().get(spoofer.doc.clientID) as { user: { name: string; id: string; color: string } };
    expect(spoofed.user).toEqual({ id: setup.team.byRole.reader.user.id, name: readerName, color: '#123456' });

    // A flood of fake entries through the same socket: only the first id of the connection counts.
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const encoding = await import('lib0/encoding');
    const before = watcher.provider.awareness.getStates().size;
    for (let i = 0; i < 20; i++) {
      const fake = new Awareness(new Y.Doc());
      fake.setLocalState({ user: { name: `fantôme ${i}` } });
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encodeAwarenessUpdate(fake, [fake.clientID]));
      spoofer.provider.ws!.send(encoding.toUint8Array(e));
    }
    await barrier(spoofer, () => setup.server.registry.get(docName()), [watcher]);
    expect(watcher.provider.awareness.getStates().size).toBe(before);
    const names = [...watcher.provider.awareness.getStates().values()].map((s) => (s.user as { name?: string })?.name);
    expect(names.some((n) => n?.startsWith('fantôme'))).toBe(false);
  });

  it('a removed member is disconnected at once and cannot come back; a role change reconnects with the new rights', async () => {
    const reader = open('reader');
    await reader.synced();
    const closed = new Promise<number>((resolve) => reader.provider.on('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
    await setup.team.byRole.coordinator.api.ok('DELETE', `/api/guides/${setup.team.guide.id}/members/${setup.team.byRole.reader.user.id}`);
    expect(await closed).toBe(4409);
    expect(await closeOf(`${setup.server.wsUrl}/${docName()}`, { cookie: setup.team.byRole.reader.cookie })).toMatchObject({ code: 4403 });

    const author = open('author');
    await author.synced();
    const authorClosed = new Promise<number>((resolve) => author.provider.on('connection-close', (e: CloseEvent | null) => resolve(e?.code ?? 0)));
    await setup.team.byRole.coordinator.api.ok('PATCH', `/api/guides/${setup.team.guide.id}/members/${setup.team.byRole.author.user.id}`, { role: 'reader' });
    expect(await authorClosed).toBe(4000);
    await waitFor('author reconnected', () => author.provider.wsconnected && author.provider.synced);
    const before = serverText();
    author.text.insert(0, 'plus le droit ');
    await barrier(author, room);
    expect(serverText()).toBe(before);
  });
});
