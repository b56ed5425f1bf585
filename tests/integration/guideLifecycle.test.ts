import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SECTION_FRAGMENT, type GuideSummary, type GuideView, type TrashedGuideReply } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import { purgeTrashedGuides } from '@dalil/server/guides/purgeTrashedGuides.ts';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { barrier } from '../helpers/barrier.ts';
import { waitFor } from '../helpers/waitFor.ts';

function addParagraph(client: YClient, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [p]);
}

describe('guide settings: rename, archive (read-only everywhere), trash, restore, purge', () => {
  const setup = useGuideTeam({ RATE_LIMIT_PER_MINUTE: '100000', GUIDE_TRASH_DAYS: '30' }, { timeoutMs: 180_000 });
  const clients: YClient[] = [];
  afterAll(() => clients.forEach((c) => c.destroy()));
  const g = () => setup.team.guide.id;
  const coordinator = () => setup.team.byRole.coordinator.api;
  const author = () => setup.team.byRole.author.api;
  const docName = () => setup.team.section.docName;
  const room = () => setup.server.registry.get(docName());
  const serverText = () => fragmentText(room()!.doc.getXmlFragment(SECTION_FRAGMENT));
  const summaryOf = async (api = coordinator()) => (await api.ok<GuideSummary[]>('GET', '/api/guides')).find((x) => x.id === g());

  it('renames the guide, changes its language and turns numbering off; only the coordinator may', async () => {
    const view = await coordinator().ok<GuideView>('PATCH', `/api/guides/${g()}`, {
      title: 'Guide du budget participatif',
      language: 'ar',
      numbering: { enabled: false, unnumberedSectionIds: [] },
    });
    expect(view).toMatchObject({ title: 'Guide du budget participatif', language: 'ar', state: 'active', numbering: { enabled: false } });
    expect((await author().request('PATCH', `/api/guides/${g()}`, { title: 'Non' })).status).toBe(403);
    expect((await coordinator().request('PATCH', `/api/guides/${g()}`, { title: '   ' })).status).toBe(400);
    expect((await author().getGuide(g())).title).toBe('Guide du budget participatif');
  });

  it('archiving makes the guide read-only for everyone, over REST and on the socket, and restores', async () => {
    const writer = connectClient(setup.server.wsUrl, docName(), { cookie: setup.team.byRole.author.cookie });
    clients.push(writer);
    await writer.synced();
    addParagraph(writer, 'Avant archivage.');
    await waitFor('the text reached the server', () => serverText() === 'Avant archivage.');
    const closes: number[] = [];
    writer.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));

    expect((await author().request('POST', `/api/guides/${g()}/archive`)).status).toBe(403);
    const archived = await coordinator().ok<GuideView>('POST', `/api/guides/${g()}/archive`);
    expect(archived.state).toBe('archived');
    expect(archived.permissions).not.toContain('section.editText');
    expect(archived.permissions).toContain('guide.archive');

    // the open socket was told to reconnect; what it writes now is dropped by the server
    await waitFor('the archive closed the socket for a reconnect', () => closes.includes(4000));
    await waitFor('the writer reconnected', () => writer.provider.wsconnected && writer.provider.synced);
    addParagraph(writer, 'Après archivage.');
    await barrier(writer, room);
    expect(serverText()).toBe('Avant archivage.');

    // everyone reads; nobody writes, not even the coordinator
    expect((await author().getGuide(g())).permissions).toEqual(['guide.read', 'members.read', 'guide.export']);
    const refused = await coordinator().request('POST', `/api/guides/${g()}/sections`, { title: 'Nouvelle' });
    expect(refused).toMatchObject({ status: 403, body: { error: 'guide_archived' } });
    expect((await coordinator().request('PATCH', `/api/guides/${g()}`, { title: 'Renommé' })).status).toBe(403);
    expect((await setup.team.byRole.contributor.api.getGuide(g())).permissions).not.toContain('section.comment');
    expect(await summaryOf(author())).toMatchObject({ state: 'archived', purgeAt: null });

    const restored = await coordinator().ok<GuideView>('DELETE', `/api/guides/${g()}/archive`);
    expect(restored.state).toBe('active');
    expect((await author().getGuide(g())).permissions).toContain('section.editText');
    await waitFor('the writer reconnected after the restore', () => writer.provider.wsconnected && writer.provider.synced && closes.filter((c) => c === 4000).length >= 2);
    addParagraph(writer, 'Après restauration.');
    await waitFor('an edit after restoring reaches the server', () => serverText().includes('Après restauration.'));
  });

  it('the trash hides the guide from its members, keeps it restorable for its coordinators, then purges it', async () => {
    expect((await author().request('DELETE', `/api/guides/${g()}`)).status).toBe(403);
    const reader = connectClient(setup.server.wsUrl, docName(), { cookie: setup.team.byRole.author.cookie });
    clients.push(reader);
    await reader.synced();
    const closes: number[] = [];
    reader.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    const trashed = await coordinator().ok<TrashedGuideReply>('DELETE', `/api/guides/${g()}`);
    // its open sockets are closed for good, saying the guide went to the trash (not "removed from it")
    await waitFor('the open socket was closed with 4410', () => closes.includes(4410));
    expect(trashed.trashDays).toBe(30);
    expect(Date.parse(trashed.purgeAt) - Date.parse(trashed.deletedAt)).toBe(30 * 24 * 3600 * 1000);

    // gone for members: not listed, 404 (not 403: nothing to know about it)
    expect(await summaryOf(author())).toBeUndefined();
    expect((await author().request('GET', `/api/guides/${g()}`)).status).toBe(404);
    expect((await coordinator().request('GET', `/api/guides/${g()}`)).status).toBe(404);
    // its coordinator sees it in the trash, with the day it will be gone
    expect(await summaryOf()).toMatchObject({ state: 'trashed', purgeAt: trashed.purgeAt });

    // not yet due: a purge leaves it
    expect(await purgeTrashedGuides(purgeDeps(), 30, new Date(Date.parse(trashed.deletedAt) + 29 * 24 * 3600 * 1000))).toEqual([]);
    await coordinator().ok('POST', `/api/guides/${g()}/restore`);
    expect(await summaryOf(author())).toMatchObject({ state: 'active' });
    expect((await author().getGuide(g())).sections.map((s) => s.id)).toEqual([setup.team.section.id]);

    // trashed again, and past its period: the purge removes it with its documents
    const again = await coordinator().ok<TrashedGuideReply>('DELETE', `/api/guides/${g()}`);
    const later = new Date(Date.parse(again.deletedAt) + 31 * 24 * 3600 * 1000);
    await waitFor('the section room unloaded', () => room() === undefined, { timeoutMs: 15_000 });
    expect(await purgeTrashedGuides(purgeDeps(), 30, later)).toEqual([g()]);
    expect(await summaryOf()).toBeUndefined();
    expect((await coordinator().request('POST', `/api/guides/${g()}/restore`)).status).toBe(404);
    expect(setup.server.guides.findSectionByDocName(docName())).toBeUndefined();
    expect(setup.server.members.roleOf(g(), setup.team.byRole.author.user.id)).toBeNull();
  });

  const purgeDeps = () => ({
    guides: setup.server.guides,
    deleteDoc: (name: string) => setup.server.docStore.delete(name),
    deleteSnapshots: async () => {},
    deleteImages: async () => {},
  });
});
