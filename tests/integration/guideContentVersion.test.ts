import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GUIDE_ROOM_CONTENT } from '@dalil/shared';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser, type TestUser } from '../helpers/accounts.ts';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

describe("a guide reply carries its room's content version", () => {
  let server: TestServer;
  let owner: TestUser;
  beforeAll(async () => {
    server = await startServer();
    owner = await createUser(server, 'Amel');
  });
  afterAll(() => server.dispose());

  it('null while nothing settled, then the version the room announced, so a room connecting later can tell news apart', async () => {
    const { guide, section } = await owner.api.guideWithSection();
    expect((await owner.api.getGuide(guide.id)).contentVersion).toBeNull();
    const inGuide = connectClient(server.wsUrl, guide.roomName, { cookie: owner.cookie });
    await inGuide.synced();
    expect((await owner.api.getGuide(guide.id)).contentVersion).toBeNull();

    const announced = inGuide.doc.getArray<number>(GUIDE_ROOM_CONTENT);
    const writer = connectClient(server.wsUrl, section.docName, { cookie: owner.cookie });
    await writer.synced();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Le conseil municipal se réunit.')]);
    writer.fragment.insert(0, [paragraph]);
    writer.destroy();
    await waitFor('the settled text announced in the guide room', () => announced.length > 0, { timeoutMs: 30_000 });
    const version = Math.max(...announced.toArray());
    const reply = await owner.api.getGuide(guide.id);
    expect(reply.contentVersion).toBe(version);
    expect(reply.sections[0]!.wordCount).toBe(5);
    inGuide.destroy();
  });
});
