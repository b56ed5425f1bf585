import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideRole, ThreadView } from '@dalil/shared';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { barrier } from '../helpers/barrier.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { anchorOn, appendParagraphs, threadTexts } from '../helpers/threadAnchors.ts';

describe('who may comment, and on whose words (enforced by the server)', () => {
  let author: YClient;
  const clients: YClient[] = [];
  const setup = useGuideTeam({ RATE_LIMIT_PER_MINUTE: '100000' });
  beforeAll(async () => {
    author = connectClient(setup.server.wsUrl, setup.team.section.docName, { cookie: setup.team.byRole.author.cookie });
    clients.push(author);
    await author.synced();
    appendParagraphs(author.doc, ['La participation citoyenne commence par l’accès à l’information.']);
    await waitFor('text on the server', () => setup.server.registry.get(setup.team.section.docName)?.doc.getXmlFragment('default').length === 1);
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
  });

  const base = () => `/api/guides/${setup.team.guide.id}`;
  const open = (role: GuideRole, words: string, body: string, mentions?: string[]) =>
    setup.team.byRole[role].api.request<ThreadView>('POST', `${base()}/sections/${setup.team.section.id}/threads`, { anchor: anchorOn(author.doc, words), body, mentions });

  it('lets a contributor comment, but not change the text', async () => {
    const res = await open('contributor', 'participation citoyenne', 'Exemple de Tataouine à ajouter.');
    expect(res.status).toBe(201);
    expect(res.body.createdBy.name).toBe('Amel Contributrice');
    await waitFor('the mark reached the author', () => threadTexts(author.doc)[res.body.id] === 'participation citoyenne');

    // The same person's socket may not write text: the server drops the update.
    const contributor = connectClient(setup.server.wsUrl, setup.team.section.docName, { cookie: setup.team.byRole.contributor.cookie });
    clients.push(contributor);
    await contributor.synced();
    appendParagraphs(contributor.doc, ['Texte réécrit par une contributrice']);
    await barrier(contributor, () => setup.server.registry.get(setup.team.section.docName), [author]);
    expect(author.fragment.toString()).not.toContain('réécrit');
    expect(setup.server.registry.get(setup.team.section.docName)!.doc.getXmlFragment('default').toString()).not.toContain('réécrit');
  });

  it('refuses readers and outsiders, and checks mentions and empty messages', async () => {
    const threadsNow = async () => (await setup.team.byRole.reader.api.ok<ThreadView[]>('GET', `${base()}/threads`)).length;
    const before = await threadsNow();
    expect((await open('reader', 'accès', 'Je voudrais commenter')).status).toBe(403);
    const outsider = await setup.team.outsider.api.request('POST', `${base()}/sections/${setup.team.section.id}/threads`, { anchor: anchorOn(author.doc, 'accès'), body: 'x' });
    expect(outsider.status).toBe(403);
    expect((await setup.team.anonymous.request('GET', `${base()}/threads`)).status).toBe(401);
    const stranger = await open('reviewer', 'accès', 'Voir @Olfa', [setup.team.outsider.user.id]);
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(stranger.body)).toContain('not a member');
    expect((await open('reviewer', 'accès', '   \n  ')).status).toBe(400);
    const forged = await setup.team.byRole.reviewer.api.request('POST', `${base()}/sections/${setup.team.section.id}/threads`, { anchor: { start: 'AAAA', end: '!!!!' }, body: 'x' });
    expect(forged.status).toBe(400);
    // Nothing of the refused attempts was stored.
    expect(await threadsNow()).toBe(before);
  });

  it('lets members edit and delete only their own messages; coordinators may delete any', async () => {
    const thread = (await open('reviewer', 'l’information', 'Préciser la loi organique n°2018-29.')).body;
    const reply = await setup.team.byRole.contributor.api.ok<ThreadView>('POST', `${base()}/threads/${thread.id}/messages`, { body: 'Article 32 de la Constitution aussi.' });
    const [first, second] = reply.messages;
    const msg = (id: string) => `${base()}/threads/${thread.id}/messages/${id}`;

    expect((await setup.team.byRole.contributor.api.request('PATCH', msg(first!.id), { body: 'Réécrit par quelqu’un d’autre' })).status).toBe(403);
    expect((await setup.team.byRole.coordinator.api.request('PATCH', msg(first!.id), { body: 'Même la coordinatrice ne réécrit pas' })).status).toBe(403);
    expect((await setup.team.byRole.author.api.request('DELETE', msg(second!.id))).status).toBe(403);
    expect((await setup.team.byRole.reader.api.request('DELETE', msg(second!.id))).status).toBe(403);

    const edited = await setup.team.byRole.reviewer.api.ok<ThreadView>('PATCH', msg(first!.id), { body: 'Préciser la loi organique n°2018-29 (art. 29).' });
    expect(edited.messages[0]).toMatchObject({ body: 'Préciser la loi organique n°2018-29 (art. 29).', deleted: false });
    expect(edited.messages[0]!.editedAt).not.toBeNull();

    const moderated = await setup.team.byRole.coordinator.api.ok<ThreadView>('DELETE', msg(second!.id));
    expect(moderated.messages[1]).toMatchObject({ deleted: true, body: '' });
    expect(moderated.messages[0]!.body).toContain('2018-29');

    // Deleting the last message with words deletes the thread and its highlight.
    expect((await setup.team.byRole.reviewer.api.request('DELETE', msg(first!.id))).status).toBe(204);
    expect((await setup.team.byRole.reviewer.api.request('GET', `${base()}/threads`)).body).not.toContainEqual(expect.objectContaining({ id: thread.id }));
    await waitFor('the highlight is gone', () => threadTexts(author.doc)[thread.id] === undefined);
  });

  it('resolves and reopens (who and when), lists open threads, and never rewrites what was typed', async () => {
    const html = '<img src=x onerror="alert(1)"> & <b>gras</b>';
    const thread = (await open('author', 'commence', html)).body;
    expect(thread.messages[0]!.body).toBe(html);
    expect((await setup.team.byRole.reader.api.request('PATCH', `${base()}/threads/${thread.id}`, { status: 'resolved' })).status).toBe(403);
    const resolved = await setup.team.byRole.reviewer.api.ok<ThreadView>('PATCH', `${base()}/threads/${thread.id}`, { status: 'resolved' });
    expect(resolved).toMatchObject({ status: 'resolved', resolvedBy: { name: 'Sami Relecteur' } });
    expect(resolved.resolvedAt).not.toBeNull();

    const open_ = await setup.team.byRole.coordinator.api.ok<ThreadView[]>('GET', `${base()}/threads?status=open`);
    expect(open_.some((t) => t.id === thread.id)).toBe(false);
    expect(open_.length).toBeGreaterThan(0);
    expect(open_.every((t) => t.status === 'open' && t.sectionTitle === 'Chapitre 1' && t.quote.length > 0)).toBe(true);
    const all = await setup.team.byRole.coordinator.api.ok<ThreadView[]>('GET', `${base()}/threads`);
    expect(all.some((t) => t.id === thread.id)).toBe(true);

    const reopened = await setup.team.byRole.contributor.api.ok<ThreadView>('PATCH', `${base()}/threads/${thread.id}`, { status: 'open' });
    expect(reopened).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    expect((await setup.team.byRole.coordinator.api.request('GET', `${base()}/threads?status=everything`)).status).toBe(400);
  });

  it('notifies mentioned members (not the writer), and on edit only the newly mentioned', async () => {
    type Inbox = { unread: number; items: Array<{ kind: string; threadId: string | null; sectionId: string | null }> };
    const inbox = (role: 'reviewer' | 'author' | 'contributor') => setup.team.byRole[role].api.ok<Inbox>('GET', '/api/me/notifications');
    const before = { author: (await inbox('author')).unread, contributor: (await inbox('contributor')).unread };
    const created = (await open('reviewer', 'participation', 'Voir avec @Karim Auteur', [setup.team.byRole.author.user.id, setup.team.byRole.reviewer.user.id])).body;
    const authorInbox = await inbox('author');
    expect(authorInbox.unread).toBe(before.author + 1);
    expect(authorInbox.items[0]).toMatchObject({ kind: 'mention', threadId: created.id, sectionId: setup.team.section.id });
    expect((await inbox('reviewer')).items.some((n) => n.threadId === created.id)).toBe(false);

    const msg = `${base()}/threads/${created.id}/messages/${created.messages[0]!.id}`;
    await setup.team.byRole.reviewer.api.ok('PATCH', msg, { body: 'Voir avec @Karim Auteur et @Amel Contributrice', mentions: [setup.team.byRole.author.user.id, setup.team.byRole.contributor.user.id] });
    expect((await inbox('author')).unread).toBe(before.author + 1);
    expect((await inbox('contributor')).unread).toBe(before.contributor + 1);
  });

  it('a reply tells those who wrote in the thread before, once each, mentioned ones as a mention, never the one replying', async () => {
    type Inbox = { unread: number; items: Array<{ kind: string; threadId: string | null }> };
    const inbox = (role: 'reviewer' | 'author' | 'contributor') => setup.team.byRole[role].api.ok<Inbox>('GET', '/api/me/notifications');
    const created = (await open('reviewer', 'participation', 'Ce chiffre est-il à jour ?')).body;
    const reply = (role: 'reviewer' | 'author' | 'contributor', body: string, mentions: string[] = []) =>
      setup.team.byRole[role].api.ok('POST', `${base()}/threads/${created.id}/messages`, { body, mentions });
    const count = async (role: 'reviewer' | 'author' | 'contributor', kind: string) => (await inbox(role)).items.filter((n) => n.threadId === created.id && n.kind === kind).length;

    await reply('author', 'Oui, chiffres de 2025.');
    expect(await count('reviewer', 'threadReply')).toBe(1);
    expect(await count('author', 'threadReply')).toBe(0);
    // the reviewer answers and names the contributor: the author hears of it as a reply, the contributor as a mention
    await reply('reviewer', 'Merci ; @Amel Contributrice, une source ?', [setup.team.byRole.contributor.user.id]);
    expect(await count('author', 'threadReply')).toBe(1);
    expect(await count('contributor', 'mention')).toBe(1);
    expect(await count('contributor', 'threadReply')).toBe(0);
    expect(await count('reviewer', 'threadReply')).toBe(1);
  });
  it('answers a reply as stored when its notifications cannot be (its author would post it again)', async () => {
    const thread = await open('reviewer', 'accès', 'Quelle source pour ce chiffre ?');
    expect(thread.status).toBe(201);
    const notifications = setup.server.notifications;
    const notify = notifications.notify;
    notifications.notify = async () => {
      throw new Error('disque plein');
    };
    try {
      const reply = await setup.team.byRole.author.api.request<ThreadView>('POST', `${base()}/threads/${thread.body.id}/messages`, {
        body: 'Le rapport annuel, voir @Sami',
        mentions: [setup.team.byRole.reviewer.user.id],
      });
      expect(reply.status).toBe(201);
      expect(reply.body.messages.map((m) => m.body)).toEqual(['Quelle source pour ce chiffre ?', 'Le rapport annuel, voir @Sami']);
    } finally {
      notifications.notify = notify;
    }
    const stored = (await setup.team.byRole.reviewer.api.ok<ThreadView[]>('GET', `${base()}/threads`)).find((t) => t.id === thread.body.id)!;
    expect(stored.messages).toHaveLength(2);
  });
});
