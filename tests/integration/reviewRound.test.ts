import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SECTION_FRAGMENT, type ApiError, type GuideProgressView, type NotificationsView, type SectionWorkflowView, type ThreadView, type TransitionResult } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { anchorOn } from '../helpers/threadAnchors.ts';
import { barrier } from '../helpers/barrier.ts';
import { waitFor } from '../helpers/waitFor.ts';

function addParagraph(client: YClient, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [p]);
}

type Role = keyof GuideTeam['byRole'];

describe('review rounds: the text is frozen during review, the author may withdraw, rounds are compared', () => {
  let server: TestServer;
  let team: GuideTeam;
  const clients: YClient[] = [];
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    team = await createGuideTeam(server);
    // the author is assigned, so the author may submit and withdraw
    await team.byRole.coordinator.api.ok('PATCH', path(), { authorIds: [team.byRole.author.user.id] });
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.dispose();
  });

  const path = () => `/api/guides/${team.guide.id}/sections/${team.section.id}`;
  const move = (role: Role, body: { to: string; transition?: string; note?: string }) =>
    team.byRole[role].api.request<TransitionResult & ApiError>('POST', `${path()}/transitions`, body);
  const workflowOf = (role: Role) => team.byRole[role].api.ok<SectionWorkflowView>('GET', `${path()}/workflow`);
  const room = () => server.registry.get(team.section.docName);
  const serverText = () => fragmentText(room()!.doc.getXmlFragment(SECTION_FRAGMENT));
  const open = (role: Role) => {
    const c = connectClient(server.wsUrl, team.section.docName, { cookie: team.byRole[role].cookie });
    clients.push(c);
    return c;
  };

  it('submitting freezes the text over the socket for everyone (the author and the coordinator too); comments stay possible', async () => {
    const author = open('author');
    await author.synced();
    addParagraph(author, 'Première version.');
    await waitFor('the draft reached the server', () => serverText() === 'Première version.');

    const closes: number[] = [];
    author.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    expect((await move('author', { to: 'review', note: 'Relisez le chapitre' })).status).toBe(200);
    await waitFor('the server asked the author to reconnect', () => closes.includes(4000));
    await waitFor('the author reconnected', () => author.provider.wsconnected && author.provider.synced);
    addParagraph(author, 'Ajout pendant la relecture (auteur).');
    const coordinator = open('coordinator');
    await coordinator.synced();
    addParagraph(coordinator, 'Ajout pendant la relecture (coordinatrice).');
    await barrier(author, room, [coordinator]);
    await barrier(coordinator, room);
    expect(serverText()).toBe('Première version.');

    // a contributor still comments: the server writes the anchor into the frozen text itself
    const contributor = open('contributor');
    await contributor.synced();
    const thread = await team.byRole.contributor.api.ok<ThreadView>('POST', `${path()}/threads`, {
      anchor: anchorOn(contributor.doc, 'Première'),
      body: 'Titre à revoir ?',
    });
    expect(thread.status).toBe('open');
    expect(serverText()).toBe('Première version.');
  });

  it('only the assigned author and the coordinator may withdraw a submission; it is recorded and the reviewers hear of it', async () => {
    expect((await move('reviewer', { to: 'draft', transition: 'withdraw' })).status).toBe(403);
    expect((await move('contributor', { to: 'draft', transition: 'withdraw' })).status).toBe(403);
    // an author not assigned to the section may not
    await team.byRole.coordinator.api.ok('PATCH', path(), { authorIds: [team.byRole.coordinator.user.id] });
    const refused = await move('author', { to: 'draft', transition: 'withdraw' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('withdraw');
    await team.byRole.coordinator.api.ok('PATCH', path(), { authorIds: [team.byRole.author.user.id] });
    // a named transition from the wrong state is refused as such
    expect((await move('author', { to: 'draft', transition: 'reopen' })).status).toBe(409);

    const withdrawn = await move('author', { to: 'draft', transition: 'withdraw' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.event).toMatchObject({ from: 'review', to: 'draft', transition: 'withdraw', actorName: 'Karim Auteur', note: null });
    const reviewerNews = await team.byRole.reviewer.api.ok<NotificationsView>('GET', '/api/me/notifications');
    expect(reviewerNews.items[0]).toMatchObject({ kind: 'withdrawn', actorName: 'Karim Auteur' });
    // a withdrawal is not a change request: no banner
    expect((await workflowOf('author')).sentBack).toBeNull();

    // the text is editable again over the socket
    const author = clients[0]!;
    await waitFor('the author reconnected after the unlock', () => author.provider.wsconnected && author.provider.synced);
    addParagraph(author, 'Suite écrite après le retrait.');
    await waitFor('the edit after withdrawing reached the server', () => serverText().includes('Suite écrite après le retrait.'));

    // the coordinator may withdraw too
    expect((await move('author', { to: 'review' })).status).toBe(200);
    const byCoordinator = await move('coordinator', { to: 'draft', transition: 'withdraw' });
    expect(byCoordinator.status).toBe(200);
    expect(byCoordinator.body.event.transition).toBe('withdraw');
  });

  it('after changes are requested the author sees the note until resubmitting; the reviewer then sees what changed since the previous submission', async () => {
    expect((await move('author', { to: 'review' })).status).toBe(200);
    const firstRound = await workflowOf('reviewer');
    expect(firstRound.transitions.map((t) => t.name).sort()).toEqual(['approve', 'requestChanges']);
    // the coordinator may do both from review: it is offered both buttons
    expect((await workflowOf('coordinator')).transitions.map((t) => t.name).sort()).toEqual(['approve', 'requestChanges', 'withdraw']);
    // without a transition name, review → draft by a reviewer is still a change request (needs a note)
    expect((await move('reviewer', { to: 'draft' })).status).toBe(400);
    const sentBack = await move('reviewer', { to: 'draft', note: 'Ajoutez un exemple de Sfax.' });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body.event.transition).toBe('requestChanges');

    const banner = (await workflowOf('author')).sentBack;
    expect(banner).toMatchObject({ byName: 'Sami Relecteur', note: 'Ajoutez un exemple de Sfax.' });

    const author = clients[0]!;
    await waitFor('the author reconnected after the unlock', () => author.provider.wsconnected && author.provider.synced);
    addParagraph(author, 'Exemple : le budget participatif de Sfax.');
    await waitFor('the new paragraph reached the server', () => serverText().includes('Sfax'));
    expect((await move('author', { to: 'review', note: 'Exemple ajouté' })).status).toBe(200);

    const secondRound = await workflowOf('reviewer');
    expect(secondRound.sentBack).toBeNull();
    // never validated: no comparison with a validated version, but one with the previous submission
    expect(secondRound.changes).toBeNull();
    expect(secondRound.changesSinceSubmission).not.toBeNull();
    const changed = secondRound.changesSinceSubmission!.blocks.filter((b) => b.kind !== 'same');
    expect(changed).toEqual([{ kind: 'added', parts: [{ text: 'Exemple : le budget participatif de Sfax.', change: 'added' }] }]);
    // the one open thread blocks the approval, said up front (the guide requires resolved threads by default)
    const blocking = secondRound.blockingThreads;
    expect(blocking).toHaveLength(1);
    expect(blocking[0]!.quote).toBe('Première');
    await team.byRole.author.api.ok('PATCH', `/api/guides/${team.guide.id}/threads/${blocking[0]!.id}`, { status: 'resolved' });
    expect((await workflowOf('reviewer')).blockingThreads).toEqual([]);
    const contributor = clients[2]!;
    await waitFor('the contributor has the new text', () => fragmentText(contributor.fragment).includes('Sfax'));
    await team.byRole.contributor.api.ok<ThreadView>('POST', `${path()}/threads`, { anchor: anchorOn(contributor.doc, 'Sfax'), body: 'Source ?' });
    await team.byRole.coordinator.api.ok('PATCH', `/api/guides/${team.guide.id}`, { requireResolvedThreads: false });
    // with the rule off, an open thread blocks nothing
    expect((await workflowOf('reviewer')).blockingThreads).toEqual([]);

    const approved = await move('reviewer', { to: 'validated' });
    expect(approved.status).toBe(200);
    const history = (await workflowOf('author')).history.map((e) => e.transition);
    expect(history).toEqual(['submit', 'withdraw', 'submit', 'withdraw', 'submit', 'requestChanges', 'submit', 'approve']);
  });

  it('a validated section reopened and resubmitted compares with the validation, not with submissions before it', async () => {
    expect((await move('coordinator', { to: 'draft', note: 'Nouvelle loi' })).status).toBe(200);
    const author = clients[0]!;
    await waitFor('the author reconnected after the unlock', () => author.provider.wsconnected && author.provider.synced);
    addParagraph(author, 'Loi de 2026.');
    await waitFor('the new paragraph reached the server', () => serverText().includes('Loi de 2026.'));
    expect((await move('author', { to: 'review' })).status).toBe(200);
    const view = await workflowOf('reviewer');
    expect(view.changes!.blocks.filter((b) => b.kind !== 'same')).toEqual([{ kind: 'added', parts: [{ text: 'Loi de 2026.', change: 'added' }] }]);
    expect(view.changesSinceSubmission).toBeNull();
  });

  it('progress does not count an empty chapter heading (only sub-sections) among the sections to validate', async () => {
    const api = team.byRole.coordinator.api;
    const chapter = await api.createSection(team.guide.id, 'Chapitre 2');
    await api.createSection(team.guide.id, 'Sous-section 2.1', chapter.id);
    const progress = await api.ok<GuideProgressView>('GET', `/api/guides/${team.guide.id}/progress`);
    expect(progress.sections.map((s) => [s.title, s.heading])).toEqual([
      ['Chapitre 1', false],
      ['Chapitre 2', true],
      ['Sous-section 2.1', false],
    ]);
    // the first section (in review) and the sub-section (draft); the heading is left out
    expect(progress.total).toBe(2);
    expect(progress.byStatus).toEqual({ draft: 1, review: 1, validated: 0 });
  });

  it('who is newly given a section to write or to review is told; who already had it, and the one assigning, are not', async () => {
    const news = (role: Role) => team.byRole[role].api.ok<NotificationsView>('GET', '/api/me/notifications');
    const section = await team.byRole.coordinator.api.createSection(team.guide.id, 'Budget participatif');
    const at = `/api/guides/${team.guide.id}/sections/${section.id}`;
    const countOf = async (role: Role, kind: string) => (await news(role)).items.filter((n) => n.kind === kind && n.sectionId === section.id).length;
    await team.byRole.coordinator.api.ok('PATCH', at, { authorIds: [team.byRole.author.user.id, team.byRole.coordinator.user.id], reviewerIds: [team.byRole.reviewer.user.id] });
    expect((await news('author')).items[0]).toMatchObject({ kind: 'assignedAuthor', sectionId: section.id, actorName: expect.any(String) });
    expect((await news('reviewer')).items[0]).toMatchObject({ kind: 'assignedReviewer', sectionId: section.id });
    expect(await countOf('coordinator', 'assignedAuthor')).toBe(0);
    // assigned again with the same people plus a due date: nobody is told twice
    await team.byRole.coordinator.api.ok('PATCH', at, { authorIds: [team.byRole.author.user.id], reviewerIds: [team.byRole.reviewer.user.id], dueDate: '2027-01-15' });
    expect(await countOf('author', 'assignedAuthor')).toBe(1);
    expect(await countOf('reviewer', 'assignedReviewer')).toBe(1);
  });
});
