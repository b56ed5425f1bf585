import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import * as Y from 'yjs';
import { FileDocStore } from '@dalil/server/storage/fileDocStore.ts';
import { DEMO_PASSWORD, demoAccounts } from '@dalil/server/demo/demoAccounts.ts';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { Api } from '../helpers/api.ts';
import { connectClient } from '../helpers/yClient.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { sleep, waitFor } from '../helpers/waitFor.ts';

describe('SIGTERM during an edit storm', () => {
  const dir = tempDir();
  let server: ServerProcess | null = null;
  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    dir.remove();
  });

  it('flushes everything the server received before exiting with code 0', async () => {
    server = await spawnServer(dir.path, { DALIL_DEMO: '1', COMMIT_DELAY_MS: '80' });
    const api = new Api(server.url);
    await api.login(demoAccounts[0]!.email, DEMO_PASSWORD);
    const { section } = await api.guideWithSection();
    const clients = Array.from({ length: 8 }, () => connectClient(server!.wsUrl, section.docName, { cookie: api.cookie! }));
    await Promise.all(clients.map((c) => c.synced()));
    let n = 0;
    const writers = clients.map((c, i) => setInterval(() => c.text.insert(c.text.length, `<c${i}t${n++}>`), 5));
    await sleep(700);
    writers.forEach(clearInterval);
    // Everything the clients wrote has reached the server (same text everywhere) before the signal...
    await waitFor('server relayed everything', () => clients.every((c) => c.text.toString() === clients[0]!.text.toString()));
    const expected = clients[0]!.text.toString();
    // ...and, with an 80 ms commit window, much of it is still queued when SIGTERM arrives.
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    clients.forEach((c) => c.destroy());
    expect(exit.code).toBe(0);
    expect(server.output()).toMatch(/flushing every document to disk/);

    const store = new FileDocStore(join(dir.path, 'docs'), { warn: () => {} });
    const loaded = await store.load(section.docName);
    await store.close();
    const doc = new Y.Doc();
    loaded.updates.forEach((u) => Y.applyUpdate(doc, u));
    expect(doc.getText('text').toString()).toBe(expected);
    expect(expected.length).toBeGreaterThan(100);
  });
});
