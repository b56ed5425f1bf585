import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';
import { createUser, type TestUser } from '../../helpers/accounts.ts';

/** Every title and name, and comment bodies, go through one cleaning; empty-once-cleaned is refused. */
describe('titles, names and comments are cleaned the same way', () => {
  let server: TestServer;
  let owner: TestUser;
  let guideId: string;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    owner = await createUser(server, 'Karim Auteur');
    guideId = (await owner.api.createGuide('Guide')).id;
  }, 180_000);
  afterAll(() => server.dispose());

  const dirty = 'Sami\u0000\u0007 Ben\u202E Ali\uD800\u2066';
  const clean = 'Sami Ben Ali';
  const empties = ['\u0000\u0007', '\u202E\u2066\u2069', '\u200B\uFEFF', ' \u200F '];

  it('guide titles', async () => {
    const guide = await owner.api.createGuide(dirty);
    expect(guide.title).toBe(clean);
    const renamed = await owner.api.ok<{ title: string }>('PATCH', `/api/guides/${guide.id}`, { title: 'Cafe\u0301\u202E' });
    expect(renamed.title).toBe('Café');
    for (const title of empties) {
      expect((await owner.api.request('POST', '/api/guides', { title, language: 'fr' })).status, JSON.stringify(title)).toBe(400);
      expect((await owner.api.request('PATCH', `/api/guides/${guide.id}`, { title })).status, JSON.stringify(title)).toBe(400);
    }
  });

  it('section titles', async () => {
    const section = await owner.api.createSection(guideId, dirty);
    expect(section.title).toBe(clean);
    for (const title of empties) {
      expect((await owner.api.request('POST', `/api/guides/${guideId}/sections`, { title })).status, JSON.stringify(title)).toBe(400);
      expect((await owner.api.request('PATCH', `/api/guides/${guideId}/sections/${section.id}`, { title })).status).toBe(400);
    }
  });

  it('user names (own profile and invitation sign-up)', async () => {
    const me = await owner.api.ok<{ user: { name: string } }>('PATCH', '/api/me', { name: `Karim\u202E Auteur\u0000` });
    expect(me.user.name).toBe('Karim Auteur');
    for (const name of empties) expect((await owner.api.request('PATCH', '/api/me', { name })).status, JSON.stringify(name)).toBe(400);

    const invitation = await owner.api.ok<{ token: string }>('POST', `/api/guides/${guideId}/invitations`, { role: 'reader', multiUse: true });
    const { Api } = await import('../../helpers/api.ts');
    const refused = await new Api(server.url).request('POST', `/api/invitations/${invitation.token}/accept`, {
      email: 'vide@test.dalil.tn',
      name: '\u202E\u0007',
      password: 'mot-de-passe-solide',
    });
    expect(refused.status).toBe(400);
    expect(server.accounts.findUserByEmail('vide@test.dalil.tn')).toBeUndefined();
    const joined = new Api(server.url);
    await joined.ok('POST', `/api/invitations/${invitation.token}/accept`, { email: 'nadia@test.dalil.tn', name: 'Nadia\u2067 L.\u0000', password: 'mot-de-passe-solide' });
    expect(server.accounts.findUserByEmail('nadia@test.dalil.tn')!.name).toBe('Nadia L.');
  });

  it('comment bodies keep their line breaks and lose the rest (the same function)', async () => {
    const { messageInput } = await import('@dalil/server/threads/messageInput.ts');
    expect(messageInput(guideId, { body: 'Première ligne\u202E\r\nSeconde\u0000 ligne' }, server.members).body).toBe('Première ligne\nSeconde ligne');
    expect(() => messageInput(guideId, { body: '\u202E\u0007\n\u200B' }, server.members)).toThrow(/empty/);
  });
});
