import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../../helpers/guideTeam.ts';

/**
 * The router decodes percent-escapes before matching, so `/%61pi/guides/x` reaches the same
 * handler as `/api/guides/x`. The CSRF and Origin guard must hold whatever the spelling.
 */
const API_SPELLINGS = ['/api', '/%61pi', '/a%70i', '/ap%69', '/%61%70%69', '/%41PI', '/API', '/Api', '/aPi', '/%2561pi'];

describe('CSRF and Origin checks hold for every spelling of the API path', () => {
  let server: TestServer;
  let team: GuideTeam;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    team = await createGuideTeam(server);
  }, 180_000);
  afterAll(() => server.dispose());

  const coordinator = () => team.byRole.coordinator.api;
  const titleNow = async () => (await coordinator().getGuide(team.guide.id)).title;

  for (const prefix of API_SPELLINGS) {
    it(`${prefix}: a foreign Origin without the CSRF header changes nothing`, async () => {
      const before = await titleNow();
      const path = `${prefix}/guides/${team.guide.id}`;
      const attack = await coordinator().request('PATCH', path, { title: `pris par ${prefix}` }, { origin: 'http://127.0.0.1:1', 'x-csrf-token': '' });
      expect(attack.status, `PATCH ${path}`).toBeGreaterThanOrEqual(400);
      // Every spelling the router serves must be refused by the guard itself (not by luck of a 404).
      if (attack.status !== 404) expect(attack.body).toMatchObject({ error: 'bad_origin' });

      // Same origin, but no CSRF token: refused too.
      const noToken = await coordinator().request('PATCH', path, { title: `pris par ${prefix}` }, { origin: server.url, 'x-csrf-token': '' });
      expect(noToken.status, `PATCH ${path} without token`).toBeGreaterThanOrEqual(400);
      if (noToken.status !== 404) expect(noToken.body).toMatchObject({ error: 'csrf' });
      expect(await titleNow()).toBe(before);
    });
  }

  it('the percent-encoded spellings reach the real route (so the test above proves the guard, not a 404)', async () => {
    const legit = await coordinator().request('PATCH', `/%61pi/guides/${team.guide.id}`, { title: 'Titre légitime' }, { origin: server.url });
    expect(legit.status).toBe(200);
    expect(await titleNow()).toBe('Titre légitime');
  });

  it('restoring a trashed section from another origin through /%61pi/ is refused', async () => {
    const section = await coordinator().createSection(team.guide.id, 'À la corbeille');
    await coordinator().ok('DELETE', `/api/guides/${team.guide.id}/sections/${section.id}`);
    const restore = await coordinator().request('POST', `/%61pi/guides/${team.guide.id}/sections/${section.id}/restore`, undefined, {
      origin: 'http://127.0.0.1:5173',
      'x-csrf-token': '',
    });
    expect(restore).toMatchObject({ status: 403, body: { error: 'bad_origin' } });
    const trash = await coordinator().ok<Array<{ id: string }>>('GET', `/api/guides/${team.guide.id}/trash`);
    expect(trash.map((s) => s.id)).toContain(section.id);
  });

  it('a login from a foreign origin is refused whatever the spelling', async () => {
    for (const prefix of ['/api', '/%61pi', '/%61%70%69']) {
      const res = await team.anonymous.request('POST', `${prefix}/auth/login`, { email: 'x@example.org', password: 'whatever-long' }, { origin: 'https://evil.example' });
      expect(res, prefix).toMatchObject({ status: 403, body: { error: 'bad_origin' } });
    }
  });
});
