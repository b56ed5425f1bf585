import * as Y from 'yjs';
import { connectClient, type YClient } from '../../tests/helpers/yClient.ts';

/** Where clients connect: the /collab URL and, for Dalil, the session cookie of a signed-in account. */
export interface Endpoint {
  wsUrl: string;
  cookie?: string;
}

/** A stock client (ws, disableBc) plus the time its first `sync` event fired. */
export interface BenchClient extends YClient {
  /** Resolves with ms from `connect` to the first sync (connect → synced, client side). */
  whenSynced: Promise<number>;
}

export function openClient(endpoint: Endpoint, docName: string, doc?: Y.Doc): BenchClient {
  const t0 = performance.now();
  const client = connectClient(endpoint.wsUrl, docName, { doc, cookie: endpoint.cookie });
  const whenSynced = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`client of ${docName} not synced within 30 s`)), 30_000);
    const onSync = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      client.provider.off('sync', onSync);
      resolve(performance.now() - t0);
    };
    client.provider.on('sync', onSync);
  });
  whenSynced.catch(() => {});
  return { ...client, whenSynced };
}

/** Opens `n` clients of one document, at most `concurrency` connecting at a time. */
export async function openMany(endpoint: Endpoint, docNames: string[], concurrency = 25): Promise<BenchClient[]> {
  const out: BenchClient[] = [];
  for (let i = 0; i < docNames.length; i += concurrency) {
    const batch = docNames.slice(i, i + concurrency).map((name) => openClient(endpoint, name));
    await Promise.all(batch.map((c) => c.whenSynced));
    out.push(...batch);
  }
  return out;
}

export function closeAll(clients: YClient[]): void {
  for (const c of clients) c.destroy();
}
