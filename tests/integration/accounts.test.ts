import { describe, expect, it } from 'vitest';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { createUser, TEST_PASSWORD } from '../helpers/accounts.ts';
import { Api } from '../helpers/api.ts';
import type { CreatedInvitationView, InvitationPreview } from '@dalil/shared';

describe('accounts, sessions and invitations', () => {
  const setup = useGuideTeam({ RATE_LIMIT_PER_MINUTE: '100000', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  const invite = (body: object) =>
    setup.team.byRole.coordinator.api.ok<CreatedInvitationView>('POST', `/api/guides/${setup.team.guide.id}/invitations`, body);

  it('login sets an HTTP-only SameSite=Lax cookie; logout ends the session; wrong password is 401 with a message', async () => {
    const api = new Api(setup.server.url);
    const wrong = await api.request<{ message: string }>('POST', '/api/auth/login', { email: setup.team.byRole.author.user.email, password: 'pas le bon mot' });
    expect(wrong).toMatchObject({ status: 401, body: { message: 'wrong email or password' } });
    const unknown = await api.request('POST', '/api/auth/login', { email: 'personne@nulle.part', password: 'peu importe!' });
    expect(unknown.status).toBe(401);

    const ok = await api.request('POST', '/api/auth/login', { email: setup.team.byRole.author.user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('dalil_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await api.ok<{ user: { email: string }; csrfToken: string }>('GET', '/api/me');
    expect(me.user.email).toBe(setup.team.byRole.author.user.email);
    // the session probe the client starts with says the same, and answers 200 when signed out
    expect(await api.ok('GET', '/api/me/session')).toEqual({ me });
    api.csrfToken = me.csrfToken;
    expect((await api.request('POST', '/api/auth/logout')).status).toBe(204);
    api.csrfToken = null;
    expect((await api.request('GET', '/api/me')).status).toBe(401);
    const signedOut = await api.request('GET', '/api/me/session');
    expect(signedOut.status).toBe(200);
    expect(signedOut.body).toEqual({ me: null });
  });

  it('stores passwords as memory-hard scrypt hashes, never in clear', () => {
    const stored = setup.server.accounts.findUserByEmail(setup.team.byRole.author.user.email)!.passwordHash;
    expect(stored).toMatch(new RegExp(`^scrypt\\$${2 ** Number(process.env.PASSWORD_HASH_LOG2_N ?? 17)}\\$8\\$1\\$`));
    expect(stored).not.toContain(TEST_PASSWORD);
  });

  it('throttles brute force per account, even when the right password finally comes', async () => {
    const victim = await createUser(setup.server, 'Victime Brute');
    const attacker = new Api(setup.server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await attacker.request('POST', '/api/auth/login', { email: victim.user.email, password: `essai-${i}-raté` })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const right = await attacker.request<{ message: string }>('POST', '/api/auth/login', { email: victim.user.email, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.message).toMatch(/try again in \d+ s/);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('a single-use invitation creates an account and a membership once; a second use is refused', async () => {
    const created = await invite({ role: 'contributor' });
    expect(created.path).toBe(`/invitations/${created.token}`);
    const stranger = new Api(setup.server.url);
    const preview = await stranger.ok<InvitationPreview>('GET', `/api/invitations/${created.token}`);
    expect(preview).toMatchObject({ guideTitle: setup.team.guide.title, role: 'contributor', valid: true });

    const joined = await stranger.ok<{ guideId: string; role: string }>('POST', `/api/invitations/${created.token}/accept`, {
      email: 'asso.jasmin@example.tn',
      name: 'Association Jasmin',
      password: 'une-phrase-de-passe',
    });
    expect(joined).toEqual({ guideId: setup.team.guide.id, role: 'contributor' });
    expect((await stranger.ok<Array<{ id: string }>>('GET', '/api/guides')).map((g) => g.id)).toEqual([setup.team.guide.id]);

    const late = await createUser(setup.server, 'Arrivée Tardive');
    const again = await late.api.request<{ error: string }>('POST', `/api/invitations/${created.token}/accept`, {});
    expect(again).toMatchObject({ status: 410, body: { error: 'invitation_used' } });
  });

  it('revoked and expired invitations are refused; a multi-use one serves several people', async () => {
    const revoked = await invite({ role: 'reader', multiUse: true });
    await setup.team.byRole.coordinator.api.ok('DELETE', `/api/guides/${setup.team.guide.id}/invitations/${revoked.id}`);
    const someone = await createUser(setup.server, 'Quelqu’un');
    expect(await someone.api.request('POST', `/api/invitations/${revoked.token}/accept`, {})).toMatchObject({
      status: 410,
      body: { error: 'invitation_revoked' },
    });

    const expiring = await invite({ role: 'reader', expiresInHours: 1 });
    // Let an hour pass, as far as the invitation is concerned.
    await setup.server.metadata.mutate((change) => {
      change.guide(setup.team.guide.id).invitations.find((i) => i.id === expiring.id)!.expiresAt = new Date(Date.now() - 1000).toISOString();
    });
    expect((await someone.api.ok<InvitationPreview>('GET', `/api/invitations/${expiring.token}`)).reason).toBe('expired');
    expect(await someone.api.request('POST', `/api/invitations/${expiring.token}/accept`, {})).toMatchObject({
      status: 410,
      body: { error: 'invitation_expired' },
    });

    const open = await invite({ role: 'reviewer', multiUse: true });
    for (const name of ['Relectrice Une', 'Relecteur Deux']) {
      const user = await createUser(setup.server, name);
      expect(await user.api.ok('POST', `/api/invitations/${open.token}/accept`, {})).toMatchObject({ role: 'reviewer' });
    }
    const list = await setup.team.byRole.coordinator.api.ok<Array<{ id: string; uses: number }>>('GET', `/api/guides/${setup.team.guide.id}/invitations`);
    expect(list.find((i) => i.id === open.id)!.uses).toBe(2);
    expect(JSON.stringify(list)).not.toContain(open.token);
  });

  it('a guide keeps at least one coordinator', async () => {
    const res = await setup.team.byRole.coordinator.api.request('PATCH', `/api/guides/${setup.team.guide.id}/members/${setup.team.byRole.coordinator.user.id}`, { role: 'author' });
    expect(res.status).toBe(409);
  });

  it('changing one’s password needs the current one and ends other sessions', async () => {
    const user = await createUser(setup.server, 'Change Mot');
    const other = new Api(setup.server.url);
    await other.login(user.user.email, TEST_PASSWORD);
    expect((await user.api.request('PATCH', '/api/me', { currentPassword: 'faux', newPassword: 'nouveau-mot-de-passe' })).status).toBe(403);
    expect((await user.api.request('PATCH', '/api/me', { currentPassword: TEST_PASSWORD, newPassword: 'court' })).status).toBe(400);
    expect((await user.api.request('PATCH', '/api/me', { currentPassword: TEST_PASSWORD, newPassword: 'nouveau-mot-de-passe' })).status).toBe(200);
    expect((await other.request('GET', '/api/me')).status).toBe(401);
  });
});
