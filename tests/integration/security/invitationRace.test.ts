import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';
import { createUser, type TestUser } from '../../helpers/accounts.ts';
import { Api } from '../../helpers/api.ts';

/** Creating an account through an invitation and using the invitation are one step. */
describe('racing accepts of a single-use invitation', () => {
  let server: TestServer;
  let owner: TestUser;
  let guideId: string;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    owner = await createUser(server, 'Leila Coordinatrice');
    guideId = (await owner.api.createGuide('Guide')).id;
  }, 180_000);
  afterAll(() => server.dispose());

  it('five parallel sign-ups on one single-use link make one account and one member', async () => {
    const usersBefore = server.accounts.listUsers().length;
    const { token } = await owner.api.ok<{ token: string }>('POST', `/api/guides/${guideId}/invitations`, { role: 'author' });
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new Api(server.url).request('POST', `/api/invitations/${token}/accept`, {
          email: `course${i}@test.dalil.tn`,
          name: `Coureur ${i}`,
          password: 'mot-de-passe-solide',
        }),
      ),
    );
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 410, 410, 410, 410]);
    // Exactly one new account, and it is the one that became a member; the losers got no session either.
    expect(server.accounts.listUsers().length).toBe(usersBefore + 1);
    const winner = attempts.findIndex((a) => a.status === 200);
    const created = server.accounts.findUserByEmail(`course${winner}@test.dalil.tn`)!;
    expect(server.members.roleOf(guideId, created.id)).toBe('author');
    expect(server.members.listMembers(guideId)).toHaveLength(2);
    for (const [i, a] of attempts.entries()) {
      if (i !== winner) expect(a.headers.getSetCookie().some((c) => c.startsWith('dalil_session='))).toBe(false);
    }
    // And it survives a restart: the file on disk says the same.
    await server.metadata.flush();
    expect(server.metadata.accounts.users.filter((u) => u.email.startsWith('course'))).toHaveLength(1);
  });

  it('the winner is signed in; a taken email is refused without using the link', async () => {
    const { token } = await owner.api.ok<{ token: string }>('POST', `/api/guides/${guideId}/invitations`, { role: 'reader' });
    const taken = await new Api(server.url).request('POST', `/api/invitations/${token}/accept`, {
      email: owner.user.email,
      name: 'Imposteur',
      password: 'mot-de-passe-solide',
    });
    expect(taken.status).toBe(409);
    const preview = await new Api(server.url).ok<{ valid: boolean }>('GET', `/api/invitations/${token}`);
    expect(preview.valid).toBe(true);
    const fresh = new Api(server.url);
    await fresh.ok('POST', `/api/invitations/${token}/accept`, { email: 'nouvelle@test.dalil.tn', name: 'Nouvelle', password: 'mot-de-passe-solide' });
    expect((await fresh.request('GET', '/api/me')).status).toBe(200);
  });
});
