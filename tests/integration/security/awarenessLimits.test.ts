import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@dalil/shared';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../../helpers/guideTeam.ts';
import { connectClient, type YClient } from '../../helpers/yClient.ts';
import { awarenessFrame, openRawSocket, type RawSocket } from '../../helpers/rawSocket.ts';
import { waitFor } from '../../helpers/waitFor.ts';

type PeerState = { user?: { name?: string }; cursor?: unknown; pad?: string; n?: number };

/** Presence is capped in size and rate, and a client id belongs to whoever used it first in the room. */
describe('awareness limits', () => {
  let server: TestServer;
  let team: GuideTeam;
  const clients: YClient[] = [];
  const sockets: RawSocket[] = [];
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    team = await createGuideTeam(server);
  }, 180_000);
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    sockets.forEach((s) => s.ws.terminate());
    await server.dispose();
  });

  const client = async (role: 'author' | 'reader' | 'coordinator') => {
    const c = connectClient(server.wsUrl, team.section.docName, { cookie: team.byRole[role].cookie });
    clients.push(c);
    await c.synced();
    return c;
  };
  const raw = async (role: 'author' | 'reader' | 'contributor') => {
    const s = openRawSocket(server.wsUrl, team.section.docName, team.byRole[role].cookie);
    sockets.push(s);
    await s.greeted;
    return s;
  };
  const stateSeenBy = (peer: YClient, clientId: number) => peer.provider.awareness.getStates().get(clientId) as PeerState | undefined;

  it('an awareness state over the cap closes the socket with a reason; peers and late joiners never get it', async () => {
    const peer = await client('coordinator');
    const attacker = await raw('reader');
    const huge = { user: { name: 'x' }, pad: 'A'.repeat(9_000) };
    attacker.send(awarenessFrame(424242, 1, huge));
    const closed = await attacker.closed;
    expect(closed).toMatchObject({ code: CloseCode.presenceRefused, reason: expect.stringContaining('too large') });
    // A legitimate presence (sent after) reaches the peer; the huge one never did.
    const honest = await client('author');
    honest.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await waitFor('honest presence reached the peer', () => stateSeenBy(peer, honest.doc.clientID)?.user?.name === 'Karim Auteur');
    expect(stateSeenBy(peer, 424242)).toBeUndefined();
    const late = await client('coordinator');
    await waitFor('late joiner sees the honest presence', () => stateSeenBy(late, honest.doc.clientID));
    expect(stateSeenBy(late, 424242)).toBeUndefined();
  });

  it('a flood of awareness updates closes the socket; a person moving their cursor is not cut off', async () => {
    const peer = await client('coordinator');
    const flooder = await raw('reader');
    for (let clock = 1; clock <= 1000; clock++) flooder.send(awarenessFrame(515151, clock, { n: clock }));
    expect(await flooder.closed).toMatchObject({ code: CloseCode.presenceRefused, reason: expect.stringContaining('too frequent') });
    // What got through before the cut is bounded by the burst, far from the thousand sent.
    const n = stateSeenBy(peer, 515151)?.n ?? 0;
    expect(n).toBeLessThan(1000);

    const person = await client('author');
    for (let i = 0; i < 40; i++) person.provider.awareness.setLocalStateField('cursor', { at: i });
    await waitFor('the last cursor position reached the peer', () => (stateSeenBy(peer, person.doc.clientID)?.cursor as { at: number } | undefined)?.at === 39);
    expect(person.provider.wsconnected).toBe(true);
    // Every stock client echoes the presence it receives: those echoes must not cut the peer off.
    expect(peer.provider.wsconnected).toBe(true);
  });

  it('another account cannot take over a client id; the same account reconnecting can', async () => {
    const author = await client('author');
    author.provider.awareness.setLocalStateField('cursor', { at: 5 });
    const peer = await client('coordinator');
    await waitFor('peer sees the author', () => stateSeenBy(peer, author.doc.clientID)?.user?.name === 'Karim Auteur');

    const impostor = await raw('contributor');
    impostor.send(awarenessFrame(author.doc.clientID, 1_000_000, { cursor: { at: 99 } }));
    expect(await impostor.closed).toMatchObject({ code: CloseCode.presenceRefused, reason: expect.stringContaining('another account') });
    // The author's presence still reads as the author, and follows the author's own moves.
    author.provider.awareness.setLocalStateField('cursor', { at: 6 });
    await waitFor('author moved', () => (stateSeenBy(peer, author.doc.clientID)?.cursor as { at: number } | undefined)?.at === 6);
    expect(stateSeenBy(peer, author.doc.clientID)?.user?.name).toBe('Karim Auteur');

    // The same account on a new socket (a reconnect the server has not noticed yet) keeps its id.
    const again = await raw('author');
    again.send(awarenessFrame(author.doc.clientID, 2_000_000, { cursor: { at: 7 } }));
    await waitFor('the same account took its id back', () => (stateSeenBy(peer, author.doc.clientID)?.cursor as { at: number } | undefined)?.at === 7);
    expect(again.ws.readyState).toBe(again.ws.OPEN);
  });
});
