import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { isSnapshotCovered, MessageType } from '@dalil/shared';
import type { SaveStatus } from './status.ts';

/** Comparing snapshots walks the delete set: do it at most this often while someone types. */
const RECOMPUTE_DELAY_MS = 150;

/**
 * Dalil's "saved" indicator. After every (re)connection we ask the server for `saved` messages;
 * each carries a Y snapshot of what is fsynced on its disk. The local document is saved when that
 * snapshot covers all of its inserts and deletions.
 */
export function watchSavedState(
  provider: WebsocketProvider,
  ydoc: Y.Doc,
  onChange: (status: SaveStatus) => void,
): () => void {
  let saved: Y.Snapshot | null = null;
  let last: SaveStatus | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const recompute = (): void => {
    timer = null;
    const next: SaveStatus = saved === null ? 'unknown' : isSnapshotCovered(Y.snapshot(ydoc), saved) ? 'saved' : 'saving';
    if (next !== last) {
      last = next;
      onChange(next);
    }
  };
  const schedule = (_update: Uint8Array, origin: unknown): void => {
    // a local edit makes us "saving" at once; only the (costlier) check for "saved" waits.
    // Updates from the server (origin = provider) just get rechecked.
    if (last === 'saved' && origin !== provider) {
      last = 'saving';
      onChange('saving');
    }
    timer ??= setTimeout(recompute, RECOMPUTE_DELAY_MS);
  };

  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    saved = Y.decodeSnapshot(decoding.readVarUint8Array(decoder));
    recompute();
  };

  const subscribe = (): void => {
    const socket = provider.ws;
    if (!provider.wsconnected || !socket || socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.subscribeSaved);
    socket.send(encoding.toUint8Array(encoder));
  };
  const onStatus = ({ status }: { status: string }): void => {
    if (status === 'connected') subscribe();
  };

  provider.on('status', onStatus);
  ydoc.on('update', schedule);
  subscribe(); // in case the socket opened before we were attached
  recompute();
  return () => {
    provider.off('status', onStatus);
    ydoc.off('update', schedule);
    if (timer) clearTimeout(timer);
  };
}
