import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import * as Y from 'yjs';
import { openClient, type Endpoint } from './clients.ts';
import { cpuTimeOf } from './processes.ts';
import { sleep, until } from './stats.ts';

export interface Trace {
  endContent: string;
  txns: Array<{ patches: Array<[number, number, string]> }>;
}

export function loadTrace(path: string): Trace {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as Trace;
}

export interface ReplayResult {
  edits: number;
  transactions: number;
  /** Start of the replay → the second client holds the identical final text, ms. */
  endToEndMs: number;
  /** CPU time the server process used meanwhile (user + system), ms. */
  serverCpuMs: number;
  /** Of which: the writer applying and sending every batch (client CPU, same for both servers), ms. */
  writerMs: number;
  /** The reader: connect → synced, ms. */
  readerSyncMs: number;
  identical: boolean;
  finalChars: number;
  /** `Y.encodeStateAsUpdate` of the reader's final document. */
  encodedStateBytes: number;
}

/**
 * One client replays the trace into a Y.Text, `batch` edits per transaction (one update frame each),
 * yielding to the event loop between batches so frames leave as they are made. Then a second client
 * connects and the clock stops when its text equals `endContent` (it syncs and then keeps receiving
 * whatever the server had not yet applied).
 */
export async function replayTrace(
  endpoint: Endpoint,
  docName: string,
  trace: Trace,
  serverPid: number,
  batch = 100,
): Promise<ReplayResult> {
  const writer = openClient(endpoint, docName);
  await writer.whenSynced;
  const text = writer.text;
  const cpu0 = cpuTimeOf(serverPid);
  const t0 = performance.now();
  let transactions = 0;
  let edits = 0;
  for (let i = 0; i < trace.txns.length; i += batch) {
    const slice = trace.txns.slice(i, i + batch);
    writer.doc.transact(() => {
      for (const txn of slice) {
        for (const [pos, del, ins] of txn.patches) {
          if (del > 0) text.delete(pos, del);
          if (ins.length > 0) text.insert(pos, ins);
        }
        edits++;
      }
    });
    transactions++;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const writerMs = performance.now() - t0;
  const reader = openClient(endpoint, docName);
  const readerSyncMs = await reader.whenSynced;
  const expected = trace.endContent;
  // Done when the reader holds everything the writer made (same state vector), whatever the text
  // says: then `identical` below can be false, and a wrong text is reported, not timed out on.
  const writerState = Y.encodeStateVector(writer.doc).toString();
  await until('reader has every edit of the writer', () => Y.encodeStateVector(reader.doc).toString() === writerState, 120_000, 2);
  const endToEndMs = performance.now() - t0;
  const serverCpuMs = cpuTimeOf(serverPid) - cpu0;
  const result: ReplayResult = {
    edits,
    transactions,
    endToEndMs,
    serverCpuMs,
    writerMs,
    readerSyncMs,
    identical: reader.text.toString() === expected && writer.text.toString() === expected,
    finalChars: reader.text.length,
    encodedStateBytes: Y.encodeStateAsUpdate(reader.doc).byteLength,
  };
  writer.destroy();
  reader.destroy();
  await sleep(100);
  return result;
}
