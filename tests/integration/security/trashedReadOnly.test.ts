import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@dalil/shared';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';
import { addMember, createUser, type TestUser } from '../../helpers/accounts.ts';
import { openRawSocket, roundTrip, textUpdateFrame, type RawSocket } from '../../helpers/rawSocket.ts';
import { waitFor } from '../../helpers/waitFor.ts';

/** A trashed section's document is read-only over the socket, as REST already treats it, until restored. */
describe('trashed sections are read-only over the socket', () => {
  let server: TestServer;
  /** Owns the data dir (the restarted server reuses it). */
  let first: TestServer;
  let coordinator: TestUser;
  let author: TestUser;
  let guideId: string;
  const sockets: RawSocket[] = [];
  beforeAll(async () => {
    server = first = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    coordinator = await createUser(server, 'Leila Coordinatrice');
    author = await createUser(server, 'Karim Auteur');
    guideId = (await coordinator.api.createGuide('Guide')).id;
    await addMember(server, guideId, author, 'author');
  }, 180_000);
  afterAll(async () => {
    sockets.forEach((s) => s.ws.terminate());
    await server.stop();
    await first.dispose();
  });

  const open = async (docName: string) => {
    const s = openRawSocket(server.wsUrl, docName, author.cookie);
    sockets.push(s);
    await s.greeted;
    return s;
  };
  const serverText = (docName: string) => server.registry.get(docName)?.doc.getText('text').toString() ?? '';

  it('trashing closes open sockets (4000, to reconnect read-only); writes are dropped until the section is restored', async () => {
    const section = await coordinator.api.createSection(guideId, 'Bientôt à la corbeille');
    const before = await open(section.docName);
    before.send(textUpdateFrame('avant;'));
    await waitFor('first write applied', () => serverText(section.docName).includes('avant;'));

    await coordinator.api.ok('DELETE', `/api/guides/${guideId}/sections/${section.id}`);
    expect(await before.closed).toMatchObject({ code: CloseCode.accessChanged, reason: expect.stringContaining('trash') });

    const during = await open(section.docName);
    during.send(textUpdateFrame('pendant;'));
    await roundTrip(during);
    expect(serverText(section.docName)).toBe('avant;');

    await coordinator.api.ok('POST', `/api/guides/${guideId}/sections/${section.id}/restore`);
    expect((await during.closed).code).toBe(CloseCode.accessChanged);
    const after = await open(section.docName);
    after.send(textUpdateFrame('après;'));
    await roundTrip(after);
    expect(serverText(section.docName)).toContain('après;');
    expect(serverText(section.docName)).not.toContain('pendant;');
  });

  it('sub-sections trashed with their parent are read-only too, and stay so across a restart', async () => {
    const parent = await coordinator.api.createSection(guideId, 'Parent');
    const child = await coordinator.api.createSection(guideId, 'Enfant', parent.id);
    await coordinator.api.ok('DELETE', `/api/guides/${guideId}/sections/${parent.id}`);
    await server.stop();
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' }, { dataDir: server.dataDir });
    const during = await open(child.docName);
    during.send(textUpdateFrame('après redémarrage;'));
    await roundTrip(during);
    expect(serverText(child.docName)).toBe('');
  });
});
