import { describe, expect, it } from 'vitest';
import type { CreatedInvitationView, InvitationView, MemberView } from '@dalil/shared';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { createUser } from '../helpers/accounts.ts';

describe('membership: add an existing account by email, labelled invitation links that say who used them', () => {
  const setup = useGuideTeam({ RATE_LIMIT_PER_MINUTE: '100000' }, { timeoutMs: 180_000 });
  const g = () => setup.team.guide.id;
  const coordinator = () => setup.team.byRole.coordinator.api;
  const members = async () => coordinator().ok<MemberView[]>('GET', `/api/guides/${g()}/members`);

  it('adds an account by email with the same reply as for an unknown address; only coordinators may', async () => {
    const ines = await createUser(setup.server, 'Inès Formatrice');
    const added = await coordinator().request('POST', `/api/guides/${g()}/members`, { email: ines.user.email.toUpperCase(), role: 'author' });
    const unknown = await coordinator().request('POST', `/api/guides/${g()}/members`, { email: 'personne@exemple.tn', role: 'author' });
    // nothing in the answer tells the two apart
    expect(added.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(added.body).toEqual(unknown.body);
    expect((await members()).find((m) => m.userId === ines.user.id)?.role).toBe('author');
    expect((await members()).some((m) => m.email === 'personne@exemple.tn')).toBe(false);

    // an existing member keeps their role (the role picker changes roles)
    const again = await coordinator().request('POST', `/api/guides/${g()}/members`, { email: setup.team.byRole.reader.user.email, role: 'coordinator' });
    expect(again).toMatchObject({ status: 202, body: added.body });
    expect((await members()).find((m) => m.userId === setup.team.byRole.reader.user.id)?.role).toBe('reader');

    const byAuthor = await setup.team.byRole.author.api.request('POST', `/api/guides/${g()}/members`, { email: 'x@exemple.tn', role: 'reader' });
    expect(byAuthor.status).toBe(403);
    expect((await coordinator().request('POST', `/api/guides/${g()}/members`, { email: 'x@exemple.tn', role: 'owner' })).status).toBe(400);
  });

  it('keeps the label of a link and lists who joined with it', async () => {
    const created = await coordinator().ok<CreatedInvitationView>('POST', `/api/guides/${g()}/invitations`, {
      role: 'author',
      multiUse: true,
      label: 'formateur CEFAD, chapitre 2',
    });
    expect(created.label).toBe('formateur CEFAD, chapitre 2');
    const sami = await createUser(setup.server, 'Sami Formateur');
    await sami.api.ok('POST', `/api/invitations/${created.token}/accept`, {});
    const [listed] = (await coordinator().ok<InvitationView[]>('GET', `/api/guides/${g()}/invitations`)).filter((i) => i.id === created.id);
    expect(listed).toMatchObject({ label: 'formateur CEFAD, chapitre 2', uses: 1 });
    expect(listed!.usedBy.map((u) => u.name)).toEqual(['Sami Formateur']);
    expect((await coordinator().request('POST', `/api/guides/${g()}/invitations`, { role: 'author', label: 'x'.repeat(121) })).status).toBe(400);
  });
});
