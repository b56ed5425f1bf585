import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser, type TestUser } from '../helpers/accounts.ts';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

describe('word counts in the table of contents', () => {
  let server: TestServer;
  let owner: TestUser;
  beforeAll(async () => {
    server = await startServer();
    owner = await createUser(server, 'Leïla');
  });
  afterAll(() => server.dispose());

  it('counts French and Arabic words of a section once its document settles', async () => {
    const { guide, section } = await owner.api.guideWithSection();
    expect(section.wordCount).toBe(0);
    const writer = connectClient(server.wsUrl, section.docName, { cookie: owner.cookie });
    await writer.synced();
    const p1 = new Y.XmlElement('paragraph');
    p1.insert(0, [new Y.XmlText('La commune publie son budget.')]);
    const p2 = new Y.XmlElement('paragraph');
    p2.insert(0, [new Y.XmlText('البلدية تنشر ميزانيتها')]);
    writer.fragment.insert(0, [p1, p2]);
    writer.destroy();
    await waitFor(
      'word count recorded after the document left memory',
      async () => (await owner.api.getGuide(guide.id)).sections[0]!.wordCount === 8,
    );
  });
});
