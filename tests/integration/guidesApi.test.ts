import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideView, SectionView, TrashedSectionView } from '@dalil/shared';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import type { Api } from '../helpers/api.ts';
import { createUser } from '../helpers/accounts.ts';

describe('guides and sections REST API', () => {
  let server: TestServer;
  let api: Api;
  beforeAll(async () => {
    server = await startServer();
    api = (await createUser(server, 'Leïla')).api;
  });
  afterAll(() => server.dispose());

  const titles = (g: GuideView) => g.sections.map((s) => `${s.parentId ? '  ' : ''}${s.title}`);

  it('answers health', async () => {
    expect(await api.request('GET', '/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('creates, renames, moves, trashes and restores sections in table-of-contents order', async () => {
    const guide = await api.createGuide('Management de la qualité des services municipaux', 'fr');
    expect(guide).toMatchObject({ language: 'fr', sections: [], roomName: `guide-${guide.id}` });
    const c1 = await api.createSection(guide.id, 'Chapitre 1');
    const c2 = await api.createSection(guide.id, 'Chapitre 2');
    const s11 = await api.createSection(guide.id, 'Section 1.1', c1.id);
    const s12 = await api.createSection(guide.id, 'Section 1.2', c1.id);
    const s10 = await api.createSection(guide.id, 'Section 1.0', c1.id, 0);
    expect(titles(await api.getGuide(guide.id))).toEqual([
      'Chapitre 1', '  Section 1.0', '  Section 1.1', '  Section 1.2', 'Chapitre 2',
    ]);

    const renamed = await api.ok<SectionView>('PATCH', `/api/guides/${guide.id}/sections/${s11.id}`, { title: '  Diagnostic   partagé ' });
    expect(renamed.title).toBe('Diagnostic partagé');

    await api.ok('PATCH', `/api/guides/${guide.id}/sections/${s12.id}`, { parentId: c2.id, position: 0 });
    await api.ok('PATCH', `/api/guides/${guide.id}/sections/${c2.id}`, { position: 0 });
    let g = await api.getGuide(guide.id);
    expect(titles(g)).toEqual(['Chapitre 2', '  Section 1.2', 'Chapitre 1', '  Section 1.0', '  Diagnostic partagé']);
    expect(g.sections.filter((s) => s.parentId === c1.id).map((s) => s.position)).toEqual([0, 1]);

    const refused = await api.request('PATCH', `/api/guides/${guide.id}/sections/${c2.id}`, { parentId: s12.id });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'bad_request', message: expect.stringContaining('under itself') });

    const deleted = await api.request('DELETE', `/api/guides/${guide.id}/sections/${c1.id}`);
    expect(deleted.status).toBe(204);
    g = await api.getGuide(guide.id);
    expect(titles(g)).toEqual(['Chapitre 2', '  Section 1.2']);
    const trash = await api.ok<TrashedSectionView[]>('GET', `/api/guides/${guide.id}/trash`);
    expect(trash.map((s) => s.title).sort()).toEqual(['Chapitre 1', 'Diagnostic partagé', 'Section 1.0']);
    expect(new Set(trash.map((s) => s.deletionId)).size).toBe(1);

    // Restoring a sub-section brings back the whole subtree trashed with it, where it was.
    await api.ok('POST', `/api/guides/${guide.id}/sections/${s10.id}/restore`);
    g = await api.getGuide(guide.id);
    expect(titles(g)).toEqual(['Chapitre 2', '  Section 1.2', 'Chapitre 1', '  Section 1.0', '  Diagnostic partagé']);
    expect(await api.ok('GET', `/api/guides/${guide.id}/trash`)).toEqual([]);
    expect(g.structureVersion).toBeGreaterThan(guide.structureVersion);
  });

  it('lists guides and updates a guide', async () => {
    const guide = await api.createGuide('Guide à renommer', 'fr');
    const updated = await api.ok<GuideView>('PATCH', `/api/guides/${guide.id}`, { title: 'دليل عملي', language: 'ar' });
    expect(updated).toMatchObject({ title: 'دليل عملي', language: 'ar' });
    const list = await api.ok<Array<{ id: string; title: string }>>('GET', '/api/guides');
    expect(list.find((g) => g.id === guide.id)?.title).toBe('دليل عملي');
  });

  it.each([
    ['POST', '/api/guides', { title: 'x' }, /language/],
    ['POST', '/api/guides', { title: 'x', language: 'de' }, /language/],
    ['POST', '/api/guides', { title: '   ', language: 'fr' }, /empty/],
    ['POST', '/api/guides', { title: 'x', language: 'fr', extra: 1 }, /additional/],
    ['POST', '/api/guides', '{not json', /JSON/i],
    ['PATCH', '/api/guides/GUIDE', {}, /fewer than 1|must NOT have fewer/],
    ['POST', '/api/guides/GUIDE/sections', { title: 42 }, /title/],
    ['POST', '/api/guides/GUIDE/sections', { title: 'x', position: -1 }, /position/],
    ['POST', '/api/guides/GUIDE/sections', { title: 'x', parentId: '../../etc' }, /parentId/],
    ['PATCH', '/api/guides/GUIDE/sections/..%2F..', { title: 'x' }, /sectionId/],
  ])('%s %s with a bad body gets 400 with a message', async (method, path, body, message) => {
    const guide = await api.createGuide();
    const res = await api.request<{ error: string; message: string }>(method, path.replace('GUIDE', guide.id), body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBeTruthy();
    expect(res.body.message).toMatch(message);
  });

  it('answers 404 with a message for unknown guides, sections and routes', async () => {
    const guide = await api.createGuide();
    for (const path of ['/api/guides/nope', `/api/guides/${guide.id}/sections/nope`, '/api/nothing-here']) {
      const method = path.includes('/sections/') ? 'PATCH' : 'GET';
      const res = await api.request<{ error: string; message: string }>(method, path, method === 'PATCH' ? { title: 'x' } : undefined);
      expect(res.status, path).toBe(404);
      expect(res.body.message).toMatch(/not found/);
    }
  });

  it('serves an OpenAPI description generated from the schemas', async () => {
    const res = await api.request<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/docs/json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/guides/', '/api/guides/{guideId}', '/api/guides/{guideId}/sections/{sectionId}']),
    );
  });
});
