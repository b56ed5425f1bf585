import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';

describe('changing a section: one write, all or nothing; assignees follow membership', () => {
  let server: TestServer;
  let team: GuideTeam;
  beforeAll(async () => {
    server = await startServer();
    team = await createGuideTeam(server);
  });
  afterAll(() => server.dispose());

  const guideNow = () => team.byRole.coordinator.api.ok<GuideView>('GET', `/api/guides/${team.guide.id}`);
  const sectionPath = (id = team.section.id) => `/api/guides/${team.guide.id}/sections/${id}`;

  it('a refused move sent with an assignment leaves neither behind', async () => {
    const before = await guideNow();
    const res = await team.byRole.coordinator.api.request('PATCH', sectionPath(), {
      authorIds: [team.byRole.author.user.id],
      parentId: team.section.id,
    });
    expect(res.status).toBe(400);
    const after = await guideNow();
    expect(after.sections.find((s) => s.id === team.section.id)!.authorIds).toEqual([]);
    expect(after.structureVersion).toBe(before.structureVersion);
  });

  it('a rename and an assignment sent together both apply, announced once', async () => {
    const before = await guideNow();
    const res = await team.byRole.coordinator.api.request('PATCH', sectionPath(), {
      title: 'Chapitre 1 : la commune',
      authorIds: [team.byRole.author.user.id],
      reviewerIds: [team.byRole.reviewer.user.id],
    });
    expect(res.status).toBe(200);
    const section = (await guideNow()).sections.find((s) => s.id === team.section.id)!;
    expect(section.title).toBe('Chapitre 1 : la commune');
    expect(section.authorIds).toEqual([team.byRole.author.user.id]);
    expect((await guideNow()).structureVersion).toBe(before.structureVersion + 1);
  });

  it('removing a member drops their assignments and announces it like a structure change', async () => {
    const before = await guideNow();
    const res = await team.byRole.coordinator.api.request('DELETE', `/api/guides/${team.guide.id}/members/${team.byRole.reviewer.user.id}`);
    expect(res.status).toBe(204);
    const after = await guideNow();
    expect(after.sections.find((s) => s.id === team.section.id)!.reviewerIds).toEqual([]);
    expect(after.structureVersion).toBe(before.structureVersion + 1);
  });
});
