import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { storeUnderTest } from '../helpers/postgres/testDatabase.ts';
import { join } from 'node:path';
import type { ApiError, GuideProgressView, NotificationsView, SectionView, SectionWorkflowView, ThreadView, TransitionResult } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import { anchorOn, threadTexts } from '../helpers/threadAnchors.ts';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import * as Y from 'yjs';

describe('section workflow over REST', () => {
  let server: TestServer;
  let team: GuideTeam;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' });
    team = await createGuideTeam(server);
  });
  afterAll(() => server.dispose());

  const path = (sectionId = team.section.id) => `/api/guides/${team.guide.id}/sections/${sectionId}`;
  const move = (role: keyof GuideTeam['byRole'], to: string, note?: string, sectionId?: string) =>
    team.byRole[role].api.request<TransitionResult & ApiError>('POST', `${path(sectionId)}/transitions`, note === undefined ? { to } : { to, note });
  const workflowOf = (role: keyof GuideTeam['byRole'] = 'coordinator') => team.byRole[role].api.ok<SectionWorkflowView>('GET', `${path()}/workflow`);
  const notificationsOf = (role: keyof GuideTeam['byRole']) => team.byRole[role].api.ok<NotificationsView>('GET', '/api/me/notifications');

  it('refuses what the state machine refuses: 403 for the role, 409 from this state (naming the allowed ones), 400 without a required note', async () => {
    // not yet assigned: the author may not submit
    expect((await move('author', 'review')).status).toBe(403);
    await team.byRole.coordinator.api.ok('PATCH', path(), { authorIds: [team.byRole.author.user.id] });
    // the assignment's notification is read: the counts below are the workflow's
    await team.byRole.author.api.ok('POST', '/api/me/notifications/read', { all: true });
    for (const role of ['contributor', 'reviewer', 'reader'] as const) expect((await move(role, 'review')).status).toBe(403);
    const skip = await move('coordinator', 'validated');
    expect(skip.status).toBe(409);
    expect(skip.body.error).toBe('transition_not_allowed');
    expect(skip.body.message).toContain('allowed from draft: review');
    expect((await team.outsider.api.request('POST', `${path()}/transitions`, { to: 'review' })).status).toBe(403);
    expect((await team.anonymous.request('POST', `${path()}/transitions`, { to: 'review' })).status).toBe(401);
    expect((await team.byRole.author.api.request('POST', `${path()}/transitions`, { to: 'published' })).status).toBe(400);
    expect((await team.byRole.author.api.request('POST', `${path()}/transitions`, { to: 'review', note: 'x'.repeat(2001) })).status).toBe(400);
    expect((await workflowOf()).status).toBe('draft');
  });

  it('runs submit → request changes → resubmit → approve, recording every step and notifying the right people', async () => {
    const submitted = await move('author', 'review', 'Première version');
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('review');
    expect((await team.byRole.author.api.getGuide(team.guide.id)).sections[0]!.status).toBe('review');
    // no reviewer assigned: every reviewer of the guide hears of it (the actor never does)
    const reviewerNews = await notificationsOf('reviewer');
    expect(reviewerNews.unread).toBe(1);
    expect(reviewerNews.items[0]).toMatchObject({ kind: 'submitted', sectionId: team.section.id, sectionTitle: 'Chapitre 1', actorName: 'Karim Auteur', note: 'Première version', guideTitle: 'Guide de l’équipe' });
    expect((await notificationsOf('author')).unread).toBe(0);
    // the coordinator, who pilots the writing from afar, hears of submissions and approvals
    const coordinatorNews = await notificationsOf('coordinator');
    expect(coordinatorNews.items.filter((n) => n.kind === 'submitted')).toHaveLength(1);

    expect((await move('reviewer', 'draft')).status).toBe(400);
    expect((await move('reviewer', 'draft', '   ')).status).toBe(400);
    // the author may withdraw the submission, not send it back as a reviewer would
    const asReviewer = await team.byRole.author.api.request<ApiError>('POST', `${path()}/transitions`, { to: 'draft', transition: 'requestChanges', note: 'je retire' });
    expect(asReviewer.status).toBe(403);
    const changes = await move('reviewer', 'draft', 'Ajoutez un exemple tunisien.');
    expect(changes.status).toBe(200);
    expect((await notificationsOf('author')).items[0]).toMatchObject({ kind: 'changesRequested', note: 'Ajoutez un exemple tunisien.', actorName: 'Sami Relecteur' });

    expect((await move('author', 'review')).status).toBe(200);
    // only the assigned reviewer may decide once one is assigned
    await team.byRole.coordinator.api.ok('PATCH', path(), { reviewerIds: [team.byRole.coordinator.user.id] });
    expect((await move('reviewer', 'validated')).status).toBe(403);
    await team.byRole.coordinator.api.ok('PATCH', path(), { reviewerIds: [team.byRole.reviewer.user.id] });
    const approved = await move('reviewer', 'validated');
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('validated');
    expect((await notificationsOf('author')).items[0]).toMatchObject({ kind: 'approved' });
    expect((await notificationsOf('coordinator')).items[0]).toMatchObject({ kind: 'approved', actorName: 'Sami Relecteur', sectionTitle: 'Chapitre 1' });
    // not of changes requested: the authors are
    expect((await notificationsOf('coordinator')).items.map((n) => n.kind).filter((k) => k === 'changesRequested')).toEqual([]);

    const view = await workflowOf('author');
    expect(view.history.map((e) => `${e.from}>${e.to}:${e.actorName}:${e.note ?? ''}`)).toEqual([
      'draft>review:Karim Auteur:Première version',
      'review>draft:Sami Relecteur:Ajoutez un exemple tunisien.',
      'draft>review:Karim Auteur:',
      'review>validated:Sami Relecteur:',
    ]);
    expect(view.validated).toMatchObject({ byName: 'Sami Relecteur' });
    expect(view.transitions).toEqual([]);
    expect((await workflowOf('coordinator')).transitions).toEqual([{ name: 'reopen', to: 'draft', noteRequired: true }]);
    expect((await move('reviewer', 'validated')).status).toBe(409);
    expect((await move('author', 'draft', 'retouche')).status).toBe(403);
    expect((await move('coordinator', 'draft')).status).toBe(400);
  });

  it('stores the approved and submitted snapshots on disk (Yjs state + layout JSON), not in the metadata file', async () => {
    const dir = join(server.dataDir, 'snapshots', team.section.id);
    const files = readdirSync(dir).sort();
    // one per submission (two) and one for the validation, each named after its event's snapshot
    const kept = server.workflow.historyOf(team.guide.id, team.section.id).filter((e) => e.snapshotId).map((e) => `${e.snapshotId}.yjs`);
    expect(kept).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.yjs'))).toEqual(kept.sort());
    const approvedId = server.workflow.lastValidation(team.guide.id, team.section.id)!.snapshotId!;
    const layout = JSON.parse(readFileSync(join(dir, `${approvedId}.json`), 'utf8')) as { blocks: string[]; layout: { type: string } };
    expect(layout.layout.type).toBe('doc');
    if (storeUnderTest() === 'embedded') expect(readFileSync(join(server.dataDir, 'metadata', 'guides', `${team.guide.id}.json`), 'utf8')).not.toContain('"blocks"');
  });

  it('reopening needs a reason and the coordinator; reviewers then see what changed since the approved version', async () => {
    // write some text into the validated section? refused (locked); reopen first
    const reopened = await move('coordinator', 'draft', 'Nouvelle loi de finances à intégrer');
    expect(reopened.status).toBe(200);
    const authorNews = await notificationsOf('author');
    expect(authorNews.items[0]).toMatchObject({ kind: 'reopened', note: 'Nouvelle loi de finances à intégrer' });
    const client = connectClient(server.wsUrl, team.section.docName, { cookie: team.byRole.author.cookie });
    try {
      await client.synced();
      client.doc.transact(() => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText('Le budget participatif est ouvert à tous.')]);
        client.fragment.insert(client.fragment.length, [p]);
      });
      await waitFor('edit reached the server', () => server.registry.get(team.section.docName)?.doc.getXmlFragment('default').length === 1);
    } finally {
      client.destroy();
    }
    expect((await move('author', 'review')).status).toBe(200);
    const view = await workflowOf('reviewer');
    expect(view.changes).not.toBeNull();
    expect(view.changes!.blocks).toEqual([{ kind: 'added', parts: [{ text: 'Le budget participatif est ouvert à tous.', change: 'added' }] }]);
  });

  it('with the guide setting on, open comment threads block validation (409 listing them); resolved ones do not; the coordinator can turn the rule off', async () => {
    const reader = connectClient(server.wsUrl, team.section.docName, { cookie: team.byRole.contributor.cookie });
    let threadId: string;
    try {
      await reader.synced();
      await waitFor('the contributor has the text', () => fragmentText(reader.fragment).includes('budget participatif'));
      const comment = (words: string, body: string) =>
        team.byRole.contributor.api.ok<ThreadView>('POST', `${path()}/threads`, { anchor: anchorOn(reader.doc, words), body });
      threadId = (await comment('budget participatif', 'Préciser le seuil d’âge.')).id;
      const blocked = await move('reviewer', 'validated');
      expect(blocked.status).toBe(409);
      expect(blocked.body.error).toBe('open_threads');
      expect(blocked.body.message).toContain(threadId);
      expect(blocked.body.message).toContain('budget participatif');
      // and structured, so the client can link to each thread
      expect(blocked.body.threads).toEqual([{ id: threadId, sectionId: team.section.id, quote: 'budget participatif' }]);
      expect((await workflowOf()).status).toBe('review');
      expect((await workflowOf()).openThreads).toBe(1);

      await team.byRole.author.api.ok('PATCH', `/api/guides/${team.guide.id}/threads/${threadId}`, { status: 'resolved' });
      expect((await workflowOf()).openThreads).toBe(0);
      const second = await comment('ouvert à tous', 'Et les non-inscrits ?');
      expect((await move('reviewer', 'validated')).status).toBe(409);

      expect((await team.byRole.author.api.request('PATCH', `/api/guides/${team.guide.id}`, { requireResolvedThreads: false })).status).toBe(403);
      const guide = await team.byRole.coordinator.api.ok<{ requireResolvedThreads: boolean }>('PATCH', `/api/guides/${team.guide.id}`, { requireResolvedThreads: false });
      expect(guide.requireResolvedThreads).toBe(false);
      expect((await move('reviewer', 'validated')).status).toBe(200);
      // the approved layout version leaves the comment anchors out; the text is all there
      const dir = join(server.dataDir, 'snapshots', team.section.id);
      const snapshotId = server.workflow.lastValidation(team.guide.id, team.section.id)!.snapshotId!;
      const approved = readFileSync(join(dir, `${snapshotId}.json`), 'utf8');
      const layout = JSON.parse(approved) as { layout: { content: Array<{ content: Array<{ text: string }> }> } };
      // one text run again once the anchors are gone
      expect(layout.layout.content[0]!.content).toEqual([{ type: 'text', text: 'Le budget participatif est ouvert à tous.' }]);
      expect(approved).not.toContain('"comment');
      expect(approved).not.toContain(second.id);

      // comments stay possible on a validated (locked) section: the server writes the anchor itself
      const third = await comment('Le budget', 'Relu, rien à ajouter.');
      await waitFor('the anchor reached the contributor', () => threadTexts(reader.doc)[third.id] === 'Le budget');
      expect(threadTexts(reader.doc)[second.id]).toBe('ouvert à tous');
    } finally {
      reader.destroy();
    }
  });

  it('progress counts sections per state and assignee, words, open threads, overdue ones, and says when the guide is ready for layout', async () => {
    const api = team.byRole.coordinator.api;
    let progress = await api.ok<GuideProgressView>('GET', `/api/guides/${team.guide.id}/progress`);
    expect(progress).toMatchObject({ total: 1, byStatus: { draft: 0, review: 0, validated: 1 }, readyForLayout: true, overdue: 0, openThreads: 2 });
    expect(progress.sections[0]!.openThreads).toBe(2);

    const late = await api.createSection(team.guide.id, 'Chapitre 2');
    const bad = await api.request('PATCH', path(late.id), { dueDate: '2026-02-31' });
    expect(bad.status).toBe(400);
    const dated = await api.ok<SectionView>('PATCH', path(late.id), { dueDate: '2020-01-15', authorIds: [team.byRole.author.user.id] });
    expect(dated.dueDate).toBe('2020-01-15');
    expect((await team.byRole.author.api.request('PATCH', path(late.id), { dueDate: '2030-01-01' })).status).toBe(403);

    progress = await team.byRole.reader.api.ok<GuideProgressView>('GET', `/api/guides/${team.guide.id}/progress`);
    expect(progress).toMatchObject({ total: 2, byStatus: { draft: 1, review: 0, validated: 1 }, readyForLayout: false, overdue: 1 });
    expect(progress.sections.find((s) => s.id === late.id)).toMatchObject({ overdue: true, dueDate: '2020-01-15', status: 'draft' });
    const lastEvent = (await workflowOf()).history.at(-1)!;
    expect(progress.sections.find((s) => s.id === team.section.id)!.lastActivityAt >= lastEvent.createdAt).toBe(true);
    const author = progress.assignees.find((a) => a.userId === team.byRole.author.user.id);
    expect(author).toMatchObject({ name: 'Karim Auteur', role: 'author', draft: 1, validated: 1, overdue: 1 });

    // authors and reviewers are counted apart: the reviewer of a late draft is not the one late
    await api.ok('PATCH', path(late.id), { reviewerIds: [team.byRole.reviewer.user.id] });
    const reviewerRows = async () =>
      (await api.ok<GuideProgressView>('GET', `/api/guides/${team.guide.id}/progress`)).assignees.filter((a) => a.userId === team.byRole.reviewer.user.id);
    let rows = await reviewerRows();
    expect(rows.map((r) => r.role)).toEqual(['reviewer']);
    expect(rows[0]).toMatchObject({ draft: 1, overdue: 0 });
    // once submitted, the late section waits on its reviewer
    expect((await move('author', 'review', undefined, late.id)).status).toBe(200);
    rows = await reviewerRows();
    expect(rows[0]).toMatchObject({ draft: 0, review: 1, overdue: 1 });
    progress = await api.ok<GuideProgressView>('GET', `/api/guides/${team.guide.id}/progress`);
    expect(progress.assignees.find((a) => a.userId === team.byRole.author.user.id)).toMatchObject({ review: 1, overdue: 0 });
    expect((await team.outsider.api.request('GET', `/api/guides/${team.guide.id}/progress`)).status).toBe(403);
  });

  it('notifications: marked read one by one or all, only one’s own, hidden once the guide is left', async () => {
    const reviewer = team.byRole.reviewer.api;
    const before = await reviewer.ok<NotificationsView>('GET', '/api/me/notifications');
    expect(before.unread).toBeGreaterThanOrEqual(2);
    const first = before.items[0]!;
    // someone else's ids change nothing
    const foreign = await team.byRole.author.api.ok<{ marked: number }>('POST', '/api/me/notifications/read', { ids: [first.id] });
    expect(foreign.marked).toBe(0);
    expect((await reviewer.request('POST', '/api/me/notifications/read', {})).status).toBe(400);
    // CSRF applies as on every mutation
    expect((await reviewer.request('POST', '/api/me/notifications/read', { all: true }, { 'x-csrf-token': 'forged' })).status).toBe(403);
    const one = await reviewer.ok<{ unread: number; marked: number }>('POST', '/api/me/notifications/read', { ids: [first.id] });
    expect(one).toEqual({ marked: 1, unread: before.unread - 1 });
    const all = await reviewer.ok<{ unread: number }>('POST', '/api/me/notifications/read', { all: true });
    expect(all.unread).toBe(0);
    expect((await reviewer.ok<NotificationsView>('GET', '/api/me/notifications')).items.every((n) => n.readAt !== null)).toBe(true);

    expect((await notificationsOf('author')).items.length).toBeGreaterThan(0);
    await team.byRole.coordinator.api.ok('DELETE', `/api/guides/${team.guide.id}/members/${team.byRole.author.user.id}`);
    expect(await notificationsOf('author')).toEqual({ unread: 0, items: [] });
  });

  it('the notification repository never notifies the actor, dedups recipients and caps what it keeps per user', async () => {
    const { user } = team.byRole.contributor;
    const actor = team.byRole.coordinator.user.id;
    const created = await server.notifications.notify({ recipientIds: [user.id, user.id, actor], actorId: actor, guideId: team.guide.id, kind: 'mention', threadId: 't-9' });
    expect(created.map((n) => n.userId)).toEqual([user.id]);
    for (let i = 0; i < 210; i++) await server.notifications.notify({ recipientIds: [user.id], actorId: actor, guideId: team.guide.id, kind: 'mention', note: `n${i}` });
    const kept = server.notifications.listFor(user.id);
    expect(kept).toHaveLength(200);
    expect(kept[0]!.note).toBe('n209');
  });
});
