import { GUIDE_ROLES, type GuideRole } from '@dalil/shared';
import type { GuideView, SectionView } from '@dalil/shared';
import type { TestServer } from './inProcessServer.ts';
import { Api } from './api.ts';
import { addMember, createUser, type TestUser } from './accounts.ts';

export interface GuideTeam {
  guide: GuideView;
  section: SectionView;
  /** One signed-in member per role; the coordinator created the guide. */
  byRole: Record<GuideRole, TestUser>;
  /** Signed in, but not a member of the guide. */
  outsider: TestUser;
  anonymous: Api;
}

/** A guide with one section and one member of every role, all signed in over HTTP. */
export async function createGuideTeam(server: TestServer): Promise<GuideTeam> {
  const names: Record<GuideRole, string> = {
    coordinator: 'Leila Coordinatrice',
    author: 'Karim Auteur',
    contributor: 'Amel Contributrice',
    reviewer: 'Sami Relecteur',
    reader: 'Nadia Lectrice',
  };
  const users = await Promise.all(GUIDE_ROLES.map((role) => createUser(server, names[role])));
  const byRole = Object.fromEntries(GUIDE_ROLES.map((role, i) => [role, users[i]!])) as Record<GuideRole, TestUser>;
  const guide = await byRole.coordinator.api.createGuide('Guide de l’équipe');
  const section = await byRole.coordinator.api.createSection(guide.id, 'Chapitre 1');
  for (const role of GUIDE_ROLES) if (role !== 'coordinator') await addMember(server, guide.id, byRole[role], role);
  const outsider = await createUser(server, 'Olfa Extérieure');
  return { guide, section, byRole, outsider, anonymous: new Api(server.url) };
}
