import { describe, expect, it } from 'vitest';
import type { GuideView } from '@dalil/shared';
import { useGuideTeam } from '../helpers/serverHooks.ts';

describe('changing a section: one write, all or nothing; assignees follow membership', () => {
  const setup = useGuideTeam();

  const guideNow = () => setup.team.byRole.coordinator.api.ok<GuideView>('GET', `/api/guides/${setup.team.guide.id}`);
  const sectionPath = (id = setup.team.section.id) => `/api/guides/${setup.team.guide.id}/sections/${id}`;

  it('a refused move sent with an assignment leaves neither behind', async () => {
    const before = await guideNow();
    const res = await setup.team.byRole.coordinator.api.request('PATCH', sectionPath(), {
      authorIds: [setup.team.byRole.author.user.id],
      parentId: setup.team.section.id,
    });
    expect(res.status).toBe(400);
    const after = await guideNow();
    expect(after.sections.find((s) => s.id === setup.team.section.id)!.authorIds).toEqual([]);
    expect(after.structureVersion).toBe(before.structureVersion);
  });

  it('a rename and an assignment sent together both apply, announced once', async () => {
    const before = await guideNow();
    const res = await setup.team.byRole.coordinator.api.request('PATCH', sectionPath(), {
      title: 'Chapitre 1 : la commune',
      authorIds: [setup.team.byRole.author.user.id],
      reviewerIds: [setup.team.byRole.reviewer.user.id],
    });
    expect(res.status).toBe(200);
    const section = (await guideNow()).sections.find((s) => s.id === setup.team.section.id)!;
    expect(section.title).toBe('Chapitre 1 : la commune');
    expect(section.authorIds).toEqual([setup.team.byRole.author.user.id]);
    expect((await guideNow()).structureVersion).toBe(before.structureVersion + 1);
  });

  it('removing a member drops their assignments and announces it like a structure change', async () => {
    const before = await guideNow();
    const res = await setup.team.byRole.coordinator.api.request('DELETE', `/api/guides/${setup.team.guide.id}/members/${setup.team.byRole.reviewer.user.id}`);
    expect(res.status).toBe(204);
    const after = await guideNow();
    expect(after.sections.find((s) => s.id === setup.team.section.id)!.reviewerIds).toEqual([]);
    expect(after.structureVersion).toBe(before.structureVersion + 1);
  });
});
