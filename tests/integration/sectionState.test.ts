import { request } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECTION_FRAGMENT } from '@dalil/shared';
import { useGuideTeam } from '../helpers/serverHooks.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { sectionAsProseMirror } from '../helpers/proseMirrorEdit.ts';
import { waitFor } from '../helpers/waitFor.ts';

/** A GET as bytes, with exactly these headers (the body as it came over the wire). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; encoding: string | undefined; type: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], type: res.headers['content-type'], body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const PARAGRAPH = 'La commune publie chaque trimestre l’état d’exécution de son budget, affiché en mairie et sur son site. ';

describe("a section's state over HTTP (what a deep link applies before its socket syncs)", () => {
  const setup = useGuideTeam();
  let author: YClient;
  const statePath = (sectionId = setup.team.section.id) => `/api/guides/${setup.team.guide.id}/sections/${sectionId}/state`;

  beforeAll(async () => {
    const { server, team } = setup;
    author = connectClient(server.wsUrl, team.section.docName, { cookie: team.byRole.author.cookie });
    await author.synced();
    author.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(PARAGRAPH.repeat(20))]);
      author.fragment.insert(0, [paragraph]);
    });
  });
  afterAll(() => author?.destroy());

  it("gives a reader the document as the server has it: a fresh Y.Doc from it reads like the author's", async () => {
    const { server, team } = setup;
    await waitFor('the server has the text', async () => {
      const reply = await rawGet(`${server.url}${statePath()}`, { cookie: team.byRole.reader.cookie });
      const doc = new Y.Doc();
      Y.applyUpdate(doc, reply.body);
      return doc.getXmlFragment(SECTION_FRAGMENT).length === 1;
    });
    const reply = await rawGet(`${server.url}${statePath()}`, { cookie: team.byRole.reader.cookie });
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('application/octet-stream');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, reply.body);
    expect(sectionAsProseMirror(doc).textContent).toBe(sectionAsProseMirror(author.doc).textContent);
    // nothing of the server's document is missing: its state covers the author's
    expect(Y.encodeStateAsUpdate(author.doc, Y.encodeStateVector(doc)).byteLength).toBeLessThan(3);
  });

  it('is compressed when the client accepts it', async () => {
    const { server, team } = setup;
    const plain = await rawGet(`${server.url}${statePath()}`, { cookie: team.byRole.author.cookie });
    const br = await rawGet(`${server.url}${statePath()}`, { cookie: team.byRole.author.cookie, 'accept-encoding': 'br, gzip' });
    expect(plain.encoding).toBeUndefined();
    expect(br.encoding).toBe('br');
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
  });

  it('refuses outsiders, signed-out visitors, unknown and trashed sections with a message', async () => {
    const { team } = setup;
    const outsider = await team.outsider.api.request('GET', statePath());
    expect(outsider.status).toBe(403);
    expect(outsider.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    expect((await team.anonymous.request('GET', statePath())).status).toBe(401);
    expect((await team.byRole.reader.api.request('GET', statePath('sNoSuchSection0'))).status).toBe(404);

    const doomed = await team.byRole.coordinator.api.createSection(team.guide.id, 'Section à jeter');
    expect((await team.byRole.reader.api.request('GET', statePath(doomed.id))).status).toBe(200);
    expect((await team.byRole.coordinator.api.request('DELETE', `/api/guides/${team.guide.id}/sections/${doomed.id}`)).status).toBe(204);
    expect((await team.byRole.reader.api.request('GET', statePath(doomed.id))).status).toBe(404);
  });
});
