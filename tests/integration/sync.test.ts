import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import type { Api } from '../helpers/api.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { createUser } from '../helpers/accounts.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { barrier } from '../helpers/barrier.ts';

describe('y-websocket sync through the server', () => {
  let server: TestServer;
  let api: Api;
  let cookie: string;
  const clients: YClient[] = [];
  beforeAll(async () => {
    server = await startServer();
    const owner = await createUser(server, 'Leïla');
    api = owner.api;
    cookie = owner.cookie;
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.dispose();
  });

  it('two stock clients converge and a late joiner receives the full state', async () => {
    const { section } = await api.guideWithSection();
    const a = connectClient(server.wsUrl, section.docName, { cookie });
    const b = connectClient(server.wsUrl, section.docName, { cookie });
    clients.push(a, b);
    await Promise.all([a.synced(), b.synced()]);
    a.text.insert(0, 'Bonjour ');
    b.text.insert(0, 'مرحبا ');
    await waitFor('both edits on both clients', () => a.text.length === b.text.length && a.text.length === 14);
    expect(a.text.toString()).toBe(b.text.toString());

    const late = connectClient(server.wsUrl, section.docName, { cookie });
    clients.push(late);
    await late.synced();
    await waitFor('late joiner has everything', () => late.text.toString() === a.text.toString());
    expect(late.text.toString()).toContain('Bonjour');
    expect(late.text.toString()).toContain('مرحبا');
  });

  it('20 clients editing the same section concurrently converge to identical content', async () => {
    const { section } = await api.guideWithSection();
    const many = Array.from({ length: 20 }, () => connectClient(server.wsUrl, section.docName, { cookie }));
    clients.push(...many);
    await Promise.all(many.map((c) => c.synced()));
    // Tokens go at either end or right before another token, so no edit splits a token; every third
    // round a client deletes its own previous token, so deletions race with inserts too.
    const deleted = new Set<string>();
    for (let round = 0; round < 10; round++) {
      many.forEach((c, i) => {
        const t = c.text;
        const s = t.toString();
        const boundary = s.indexOf('[', Math.floor(s.length / 2));
        const at = round % 2 === 0 ? 0 : boundary >= 0 ? boundary : t.length;
        t.insert(at, `[${i}.${round}]`);
        if (round % 3 === 2) {
          const previous = `[${i}.${round - 1}]`;
          const index = t.toString().indexOf(previous);
          if (index >= 0) {
            t.delete(index, previous.length);
            deleted.add(previous);
          }
        }
      });
      await new Promise((r) => setTimeout(r, 5));
    }
    const reference = () => many[0]!.text.toString();
    await waitFor('all 20 clients identical', () => many.every((c) => c.text.toString() === reference()), {
      timeoutMs: 20_000,
    });
    for (let i = 0; i < 20; i++) {
      for (let r = 0; r < 10; r++) {
        const token = `[${i}.${r}]`;
        expect(reference().split(token).length - 1, token).toBe(deleted.has(token) ? 0 : 1);
      }
    }
    const room = server.registry.get(section.docName)!;
    expect(room.doc.getText('text').toString()).toBe(reference());
  });

  it('a guide room tells connected clients about structure changes', async () => {
    const guide = await api.createGuide('Guide vivant');
    const watcher = connectClient(server.wsUrl, guide.roomName, { cookie });
    clients.push(watcher);
    await watcher.synced();
    const versions = () => Math.max(...watcher.doc.getArray<number>('structureVersions').toArray());
    const before = versions();
    await api.createSection(guide.id, 'Nouveau chapitre');
    await waitFor('structure version pushed', () => versions() > before);
    const fresh = await api.getGuide(guide.id);
    expect(versions()).toBe(fresh.structureVersion);
  });

  it('a client cannot write into a guide room', async () => {
    const guide = await api.createGuide('Guide protégé');
    const writer = connectClient(server.wsUrl, guide.roomName, { cookie });
    clients.push(writer);
    await writer.synced();
    const observer = connectClient(server.wsUrl, guide.roomName, { cookie });
    clients.push(observer);
    await observer.synced();
    writer.doc.getArray<number>('structureVersions').push([999_999]);
    writer.doc.getText('intrusion').insert(0, 'x');
    await barrier(writer, () => server.registry.get(guide.roomName), [observer]);
    const room = server.registry.get(guide.roomName)!;
    expect(room.doc.getArray<number>('structureVersions').toArray()).not.toContain(999_999);
    expect(room.doc.getText('intrusion').length).toBe(0);
    expect(observer.doc.getArray<number>('structureVersions').toArray()).not.toContain(999_999);
    expect(observer.doc.getText('intrusion').length).toBe(0);
  });
});
