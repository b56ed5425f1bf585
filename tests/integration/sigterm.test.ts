import { afterAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '../helpers/serverProcess.ts';
import { killIfRunning, spawnDemoServer } from '../helpers/demoServer.ts';
import { connectClient } from '../helpers/yClient.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { docOnDisk } from '../helpers/docOnDisk.ts';

describe('SIGTERM during an edit storm', () => {
  const dir = tempDir();
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await killIfRunning(server);
    dir.remove();
  });

  it('flushes everything the server received, while clients keep typing, before exiting with code 0', async () => {
    const demo = await spawnDemoServer(dir.path, { COMMIT_DELAY_MS: '80' });
    server = demo.server;
    const api = demo.api;
    const { section } = await api.guideWithSection();
    const clients = Array.from({ length: 8 }, () => connectClient(server!.wsUrl, section.docName, { cookie: api.cookie! }));
    await Promise.all(clients.map((c) => c.synced()));
    let n = 0;
    const writers = clients.map((c, i) => setInterval(() => c.text.insert(c.text.length, `<c${i}t${n++}>`), 5));
    // The signal must land mid-storm with plenty already relayed (asserted below): wait for that
    // state rather than a fixed 700 ms, which a loaded CI machine may not fill.
    const relayedSoFar = () => {
      const seen = new Set<string>();
      clients.forEach((c, i) => {
        for (const token of c.text.toString().match(/<c\d+t\d+>/g) ?? []) if (!token.startsWith(`<c${i}t`)) seen.add(token);
      });
      return seen.size;
    };
    await waitFor('over 100 tokens relayed between the clients', () => relayedSoFar() > 100, { timeoutMs: 30_000, intervalMs: 50 });
    // The signal arrives while every client is still typing; with an 80 ms commit window, much of
    // what the server holds is still queued.
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    const exit = await server.exited;
    const shutdownMs = Date.now() - signalledAt;
    writers.forEach(clearInterval);
    expect(exit.code).toBe(0);
    expect(server.output()).toMatch(/flushing every document to disk/);
    // What the server received is what it relayed: a token that reached another client was in the
    // server's document, so it must be on disk.
    const relayed = new Set<string>();
    clients.forEach((c, i) => {
      for (const token of c.text.toString().match(/<c\d+t\d+>/g) ?? []) if (!token.startsWith(`<c${i}t`)) relayed.add(token);
    });
    clients.forEach((c) => c.destroy());

    const { doc, warnings } = await docOnDisk(dir.path, section.docName);
    const onDisk = doc.getText('text').toString();
    const tokensOnDisk = onDisk.match(/<c\d+t\d+>/g) ?? [];
    expect(warnings, 'a clean shutdown leaves no torn record').toEqual([]);
    expect([...relayed].filter((t) => !onDisk.includes(t)), 'relayed tokens missing on disk').toEqual([]);
    expect(new Set(tokensOnDisk).size, 'no token twice').toBe(tokensOnDisk.length);
    expect(relayed.size).toBeGreaterThan(100);
    console.log(`SIGTERM storm: ${n} tokens typed, ${relayed.size} relayed before the signal, ${tokensOnDisk.length} on disk, 0 relayed missing, exit ${shutdownMs} ms after the signal`);
  });
});
