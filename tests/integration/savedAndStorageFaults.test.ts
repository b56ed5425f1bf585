import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isSnapshotCovered } from '@dalil/shared';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import type { Api } from '../helpers/api.ts';
import { createUser } from '../helpers/accounts.ts';
import { connectClient } from '../helpers/yClient.ts';
import { trackSaved } from '../helpers/savedTracker.ts';
import { faultyStoreFactory, type DiskFault, type FaultyDocStore } from '../helpers/faultyDocStore.ts';
import { docOnDisk } from '../helpers/docOnDisk.ts';
import { sleep, waitFor } from '../helpers/waitFor.ts';

describe('"saved" means on the server disk', () => {
  const holder: { store?: FaultyDocStore } = {};
  let server: TestServer;
  let api: Api;
  let cookie: string;
  beforeAll(async () => {
    server = await startServer({}, { docStore: faultyStoreFactory(holder) });
    const owner = await createUser(server, 'Sami');
    api = owner.api;
    cookie = owner.cookie;
  });
  afterAll(() => server.dispose());
  // A failed test must not leave the disk failing for the next ones (nor block the final flush).
  afterEach(() => {
    if (holder.store) holder.store.fail = null;
  });

  const covered = (doc: Y.Doc, saved: Y.Snapshot | null) => saved !== null && isSnapshotCovered(Y.snapshot(doc), saved);

  it('confirms inserts and deletions once fsynced; stock clients never receive the message', async () => {
    const { section } = await api.guideWithSection();
    const client = connectClient(server.wsUrl, section.docName, { cookie });
    const saved = trackSaved(client.provider);
    const stock = connectClient(server.wsUrl, section.docName, { cookie });
    let stockUnknown = 0;
    (stock.provider.messageHandlers as unknown[])[100] = () => stockUnknown++;
    await Promise.all([client.synced(), stock.synced()]);
    await waitFor('initial saved state', () => saved.last());

    client.text.insert(0, 'Points de vigilance');
    await waitFor('insert confirmed saved', () => covered(client.doc, saved.last()));
    client.text.delete(0, 7);
    // Deletions do not advance the state vector: the snapshot's delete set must carry them.
    expect(covered(client.doc, saved.last())).toBe(false);
    await waitFor('deletion confirmed saved', () => covered(client.doc, saved.last()));
    await waitFor('stock client got the text', () => stock.text.toString() === 'de vigilance');
    expect(stockUnknown).toBe(0);
    client.destroy();
    stock.destroy();
  });

  const faultedDocs: string[] = [];
  const faults: DiskFault[] = ['write-EIO', 'fsync-EIO', 'ENOSPC'];
  for (const fault of faults) {
    it(`while the disk fails (${fault}) nobody is told "saved", nothing saved is lost, the server keeps serving, and it recovers`, async () => {
      const { section } = await api.guideWithSection();
      faultedDocs.push(section.docName);
      const client = connectClient(server.wsUrl, section.docName, { cookie });
      const saved = trackSaved(client.provider);
      await client.synced();
      client.text.insert(0, 'déjà enregistré;');
      await waitFor('first edit saved', () => covered(client.doc, saved.last()));

      holder.store!.fail = fault;
      const attemptsBefore = holder.store!.failedAttempts;
      client.text.insert(client.text.length, 'pendant la panne;');
      // Watched the whole time, not once: no "saved" covering the new edit may slip out mid-fault.
      let falselyConfirmed = false;
      const watch = setInterval(() => (falselyConfirmed ||= covered(client.doc, saved.last())), 5);
      await waitFor('the store was tried and failed twice (a retry too)', () => holder.store!.failedAttempts >= attemptsBefore + 2);
      await sleep(300);
      clearInterval(watch);
      expect(falselyConfirmed).toBe(false);
      // What was saved before the fault is what a crash now would bring back. Torn bytes are dropped
      // by their CRC; after a failed fsync the written record may still be read back (page cache).
      const midFault = await docOnDisk(server.dataDir, section.docName);
      const expectedMidFault = fault === 'fsync-EIO' ? /^déjà enregistré;(pendant la panne;)?$/ : /^déjà enregistré;$/;
      expect(midFault.doc.getText('text').toString()).toMatch(expectedMidFault);
      if (fault !== 'fsync-EIO') expect(midFault.warnings, 'torn bytes of the failed append detected').toHaveLength(1);

      // Other clients still get live edits while the disk is failing.
      const peer = connectClient(server.wsUrl, section.docName, { cookie });
      await peer.synced();
      expect(peer.text.toString()).toBe('déjà enregistré;pendant la panne;');
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

      // Everyone leaves: the document must stay in memory until it is written.
      client.destroy();
      peer.destroy();
      await sleep(200);
      expect(server.registry.get(section.docName)).toBeDefined();

      holder.store!.fail = null;
      await waitFor('retry succeeded and the room unloaded', () => server.registry.get(section.docName) === undefined, {
        timeoutMs: 15_000,
      });
      const reader = connectClient(server.wsUrl, section.docName, { cookie });
      await reader.synced();
      expect(reader.text.toString()).toBe('déjà enregistré;pendant la panne;');
      reader.destroy();
    });
  }

  it('after the faults, the files on disk hold every edit and no torn bytes', async () => {
    await server.stop();
    expect(faultedDocs).toHaveLength(faults.length);
    for (const docName of faultedDocs) {
      const { doc, warnings } = await docOnDisk(server.dataDir, docName);
      // The retry rewrote the torn append at the same offset, so nothing is left to skip.
      expect(warnings, docName).toEqual([]);
      expect(doc.getText('text').toString(), docName).toBe('déjà enregistré;pendant la panne;');
    }
  });
});
