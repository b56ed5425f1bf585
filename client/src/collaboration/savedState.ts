import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { countUnsavedChanges, MessageType } from '@dalil/shared';
import type { SavedSnapshotStore } from './savedSnapshotStore.ts';
import type { SaveStatus } from './status.ts';

/** Comparing snapshots walks the delete set: do it at most this often while someone types. */
const RECOMPUTE_DELAY_MS = 150;

export interface SavedState {
  save: SaveStatus;
  /** Changes (characters typed or erased) the server has not confirmed; null while unknown. */
  pending: number | null;
}

/**
 * Dalil's "saved" indicator. After every (re)connection we ask the server for `saved` messages;
 * each carries a Y snapshot of what is fsynced on its disk. The local document is saved when that
 * snapshot covers all of its inserts and deletions; what it does not cover is the pending count.
 * The last snapshot is kept in `store`, so after a reload while offline the count is still right.
 */
export function watchSavedState(
  provider: WebsocketProvider,
  ydoc: Y.Doc,
  store: SavedSnapshotStore,
  onChange: (state: SavedState) => void,
): () => void {
  let saved: Y.Snapshot | null = null;
  let last: SavedState | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  const report = (next: SavedState): void => {
    if (next.save !== last?.save || next.pending !== last.pending) {
      last = next;
      onChange(next);
    }
  };
  const recompute = (): void => {
    timer = null;
    if (saved === null) return report({ save: 'unknown', pending: null });
    const pending = countUnsavedChanges(Y.snapshot(ydoc), saved);
    report({ save: pending === 0 ? 'saved' : 'saving', pending });
  };
  const schedule = (_update: Uint8Array, origin: unknown): void => {
    // a local edit makes us "saving" at once, with at least this one change pending; only the
    // (costlier) exact count waits. Updates from the server (origin = provider) just get rechecked.
    if (last?.save === 'saved' && origin !== provider) report({ save: 'saving', pending: 1 });
    timer ??= setTimeout(recompute, RECOMPUTE_DELAY_MS);
  };

  provider.messageHandlers[MessageType.saved] = (_encoder, decoder) => {
    const bytes = decoding.readVarUint8Array(decoder);
    saved = Y.decodeSnapshot(bytes);
    store.save(bytes);
    recompute();
  };
  // until the server speaks, the snapshot it sent last time (possibly in an earlier page load)
  void store.load().then((bytes) => {
    if (disposed || saved !== null || bytes === null) return;
    try {
      saved = Y.decodeSnapshot(bytes);
    } catch {
      return; // unreadable: wait for the server
    }
    recompute();
  });

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
    disposed = true;
    provider.off('status', onStatus);
    ydoc.off('update', schedule);
    if (timer) clearTimeout(timer);
  };
}
