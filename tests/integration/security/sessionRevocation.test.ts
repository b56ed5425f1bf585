import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@dalil/shared';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';
import { addMember, createUser, TEST_PASSWORD, type TestUser } from '../../helpers/accounts.ts';
import { Api } from '../../helpers/api.ts';
import { runAdmin } from '../../helpers/adminCli.ts';
import { openRawSocket, textUpdateFrame, type RawSocket } from '../../helpers/rawSocket.ts';
import { connectClient } from '../../helpers/yClient.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { hashToken } from '@dalil/server/auth/tokens.ts';

/**
 * Ending a session closes, at once and with 4401, every socket it authenticated, whichever path
 * ended it; what such a socket sends afterwards is never applied. Other sessions keep working.
 */
describe('ending a session closes its sockets', () => {
  let server: TestServer;
  let owner: TestUser;
  let docName: string;
  let witness: TestUser;
  const sockets: RawSocket[] = [];
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
    owner = await createUser(server, 'Karim Auteur', 'karim@test.dalil.tn');
    const { guide, section } = await owner.api.guideWithSection();
    docName = section.docName;
    // Another account writes after each close: its write, sent later, arriving proves the other had its chance.
    witness = await createUser(server, 'Amel Témoin', 'amel@test.dalil.tn');
    await addMember(server, guide.id, witness, 'author');
  }, 180_000);
  afterAll(async () => {
    sockets.forEach((s) => s.ws.terminate());
    await server.dispose();
  });

  let witnesses = 0;
  const serverText = () => server.registry.get(docName)?.doc.getText('text').toString() ?? '';
  /** A second sign-in of the same account: its own session and cookie. */
  const signIn = async (password = TEST_PASSWORD) => {
    const api = new Api(server.url);
    await api.login('karim@test.dalil.tn', password);
    return api;
  };
  const open = async (cookie: string) => {
    const socket = openRawSocket(server.wsUrl, docName, cookie);
    sockets.push(socket);
    await socket.greeted;
    return socket;
  };
  /** Writes through the socket and waits until the server applied it (proves the socket writes). */
  const writes = async (socket: RawSocket, text: string) => {
    socket.send(textUpdateFrame(text));
    await waitFor(`"${text}" applied`, () => serverText().includes(text));
  };
  /** After the close, a frame sent on the socket (if it still can) changes nothing. */
  const expectClosedForGood = async (socket: RawSocket, marker: string) => {
    socket.send(textUpdateFrame(marker));
    expect(await socket.closed).toMatchObject({ code: CloseCode.unauthenticated });
    // A witness socket's write, sent after, is applied: the marker had every chance to arrive first.
    await writes(await open(witness.cookie), `witness ${witnesses++};`);
    expect(serverText()).not.toContain(marker);
  };

  it('logout closes the sockets of that session, and only those', async () => {
    const session = await signIn();
    const other = await signIn();
    const a = await open(session.cookie!);
    const kept = await open(other.cookie!);
    await writes(a, 'avant-déconnexion;');
    expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);
    await expectClosedForGood(a, 'après-déconnexion;');
    await writes(kept, 'autre-session-ok;');
    expect(kept.ws.readyState).toBe(kept.ws.OPEN);
  });

  it('a password change ends the other sessions and their sockets, and keeps the one it came from', async () => {
    const changer = await signIn();
    const other = await signIn();
    const changerSocket = await open(changer.cookie!);
    const otherSocket = await open(other.cookie!);
    const stock = connectClient(server.wsUrl, docName, { cookie: other.cookie! });
    try {
      await stock.synced();
      const closedStock = new Promise<number>((resolve) => stock.provider.on('connection-close', (event) => resolve(event?.code ?? 0)));
      const changed = await changer.request('PATCH', '/api/me', { currentPassword: TEST_PASSWORD, newPassword: 'nouveau-mot-de-passe-1' });
      expect(changed.status).toBe(200);
      await expectClosedForGood(otherSocket, 'après-changement;');
      expect(await closedStock).toBe(CloseCode.unauthenticated);
      expect((await other.request('GET', '/api/me')).status).toBe(401);
      // The session the change came from goes on, REST and socket alike.
      expect((await changer.request('GET', '/api/me')).status).toBe(200);
      await writes(changerSocket, 'session-gardée;');
    } finally {
      stock.destroy();
    }
    // Put the password back for the next tests.
    await changer.ok('PATCH', '/api/me', { currentPassword: 'nouveau-mot-de-passe-1', newPassword: TEST_PASSWORD });
  });

  it('pnpm admin user:reset-password on the running server closes every socket of the account at once', async () => {
    const session = await signIn();
    const socket = await open(session.cookie!);
    await writes(socket, 'avant-reset;');
    const reset = await runAdmin(server.dataDir, ['user:reset-password', '--email', 'karim@test.dalil.tn', '--password', TEST_PASSWORD]);
    expect(reset.stderr).toBe('');
    expect(reset.code).toBe(0);
    await expectClosedForGood(socket, 'après-reset;');
    expect((await session.request('GET', '/api/me')).status).toBe(401);
  });

  it('a session that expires closes its sockets when it does', async () => {
    const session = await signIn();
    const tokenHash = hashToken(session.cookie!.slice(session.cookie!.indexOf('=') + 1));
    // The session's end moves close; a socket opened now must go at that moment.
    await server.metadata.mutate((change) => {
      change.accounts().sessions.find((s) => s.tokenHash === tokenHash)!.expiresAt = new Date(Date.now() + 2000).toISOString();
    });
    const socket = await open(session.cookie!);
    await writes(socket, 'avant-expiration;');
    expect(await socket.closed).toMatchObject({ code: CloseCode.unauthenticated, reason: expect.stringContaining('expired') });
    await expectClosedForGood(socket, 'après-expiration;');
  });

  it('a socket opened with a session that already ended is refused with 4401', async () => {
    const session = await signIn();
    const cookie = session.cookie!;
    await session.request('POST', '/api/auth/logout');
    const socket = openRawSocket(server.wsUrl, docName, cookie);
    sockets.push(socket);
    expect((await socket.closed).code).toBe(CloseCode.unauthenticated);
  });
});
