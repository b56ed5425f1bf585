import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { fragmentText } from '@dalil/shared/editor';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createGuideTeam, type GuideTeam } from '../helpers/guideTeam.ts';
import { Api } from '../helpers/api.ts';
import { TEST_PASSWORD } from '../helpers/accounts.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { barrier } from '../helpers/barrier.ts';
import { waitFor } from '../helpers/waitFor.ts';

function addParagraph(client: YClient, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [p]);
}

describe('a validated section is locked for every stock y-websocket client', () => {
  const dir = tempDir();
  let server: TestServer;
  let team: GuideTeam;
  const clients: YClient[] = [];
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' }, { dataDir: dir.path });
    team = await createGuideTeam(server);
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server.dispose();
    dir.remove();
  });
  const docName = () => team.section.docName;
  const open = (cookie: string, doc?: Y.Doc) => {
    const c = connectClient(server.wsUrl, docName(), { cookie, doc });
    clients.push(c);
    return c;
  };
  const room = () => server.registry.get(docName());
  const serverText = () => fragmentText(server.registry.get(docName())!.doc.getXmlFragment(SECTION_FRAGMENT));
  const transition = (api: Api, to: string, note?: string) =>
    api.ok('POST', `/api/guides/${team.guide.id}/sections/${team.section.id}/transitions`, note ? { to, note } : { to });

  it('closes the open sockets at validation (4000), then drops updates from every client, even the coordinator’s', async () => {
    const coordinator = open(team.byRole.coordinator.cookie);
    await coordinator.synced();
    addParagraph(coordinator, 'Texte approuvé.');
    await waitFor('the draft text reached the server', () => serverText() === 'Texte approuvé.');

    const closes: number[] = [];
    coordinator.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await transition(team.byRole.coordinator.api, 'review');
    await transition(team.byRole.reviewer.api, 'validated');
    // the lock closed the socket so that the client resynchronises; what it writes now reaches the
    // server on the new socket (as sync step 2 or as an update) and is dropped there
    await waitFor('the server asked the client to reconnect', () => closes.includes(4000));
    addParagraph(coordinator, 'Ajout après validation (coordinatrice).');
    await waitFor('the coordinator reconnected', () => coordinator.provider.wsconnected && coordinator.provider.synced);
    const author = open(team.byRole.author.cookie);
    await author.synced();
    addParagraph(author, 'Ajout après validation (auteur).');
    await barrier(coordinator, room, [author]);
    await barrier(author, room);
    expect(serverText()).toBe('Texte approuvé.');
    // the author's client got the approved text, not the coordinator's dropped paragraph
    expect(fragmentText(author.fragment)).toContain('Texte approuvé.');
    expect(fragmentText(author.fragment)).not.toContain('coordinatrice');
  });

  it('drops offline edits sent as sync step 2 when a client connects to the locked section', async () => {
    const offline = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Écrit hors ligne.')]);
    offline.getXmlFragment(SECTION_FRAGMENT).insert(0, [p]);
    const late = open(team.byRole.coordinator.cookie, offline);
    await late.synced();
    await barrier(late, room);
    expect(serverText()).toBe('Texte approuvé.');
  });

  it('stays locked across a restart and nothing dropped was stored', async () => {
    clients.splice(0).forEach((c) => c.destroy());
    await server.stop();
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '100000' }, { dataDir: dir.path });
    const api = new Api(server.url);
    await api.login(team.byRole.coordinator.user.email, TEST_PASSWORD);
    team.byRole.coordinator.api = api;
    team.byRole.coordinator.cookie = api.cookie!;
    const reader = open(api.cookie!);
    await reader.synced();
    expect(fragmentText(reader.fragment)).toBe('Texte approuvé.');
    addParagraph(reader, 'Encore refusé.');
    await barrier(reader, room);
    expect(serverText()).toBe('Texte approuvé.');
  });

  it('after reopening, clients are resynchronised and edit again, the one that wrote during the lock too', async () => {
    const writer = clients[0]!;
    const closes: number[] = [];
    writer.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await transition(team.byRole.coordinator.api, 'draft', 'Mise à jour nécessaire');
    await waitFor('the server asked the client to reconnect', () => closes.includes(4000));
    addParagraph(writer, 'Ajout après réouverture.');
    await waitFor('the edit after reopening reached the server', () => serverText().includes('Ajout après réouverture.'));
    const fresh = open(team.byRole.author.cookie);
    await fresh.synced();
    addParagraph(fresh, 'Ajout d’un autre client.');
    await waitFor('a fresh client edits too', () => serverText().includes('Ajout d’un autre client.'));
    await waitFor('both clients converge', () => fragmentText(writer.fragment) === serverText() && fragmentText(fresh.fragment) === serverText());
  });
});
