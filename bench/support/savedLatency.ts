import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@dalil/shared';
import { openClient, type Endpoint } from './clients.ts';
import { sleep, summarize, until, type Summary } from './stats.ts';

/**
 * Edit → `saved`: one stock client subscribes to Dalil's saved messages (type 101 → 100) and makes
 * single-character edits at a fixed pace while a second client is connected; an edit's latency is
 * the time until the first `saved` snapshot whose state vector covers it (written and fsynced).
 */
export async function measureSavedLatency(endpoint: Endpoint, docName: string, edits: number, paceMs: number): Promise<Summary> {
  const editor = openClient(endpoint, docName);
  const other = openClient(endpoint, docName);
  try {
    await Promise.all([editor.whenSynced, other.whenSynced]);
    const pending = new Map<number, number>(); // clock → send time
    const samples: number[] = [];
    const me = editor.doc.clientID;
    const handlers = editor.provider.messageHandlers as unknown as Array<(e: unknown, d: decoding.Decoder) => void>;
    handlers[MessageType.saved] = (_encoder, decoder) => {
      const now = performance.now();
      const covered = Y.decodeSnapshot(decoding.readVarUint8Array(decoder)).sv.get(me) ?? 0;
      for (const [clock, t0] of pending) {
        if (clock < covered) {
          samples.push(now - t0);
          pending.delete(clock);
        }
      }
    };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.subscribeSaved);
    editor.provider.ws!.send(encoding.toUint8Array(encoder));
    await sleep(50);
    const start = performance.now();
    for (let k = 0; k < edits; k++) {
      const wait = start + k * paceMs - performance.now();
      if (wait > 1) await sleep(wait);
      pending.set(Y.getState(editor.doc.store, me), performance.now());
      editor.text.insert(editor.text.length, 'y');
    }
    await until('every edit saved', () => pending.size === 0, 30_000, 2);
    return summarize(samples);
  } finally {
    editor.destroy();
    other.destroy();
  }
}
