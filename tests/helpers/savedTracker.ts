import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from '@dalil/shared';

/**
 * Subscribes a stock provider to Dalil's `saved` messages, the way the browser client does, and
 * keeps the last durable snapshot the server reported.
 */
export function trackSaved(provider: WebsocketProvider): { last(): Y.Snapshot | null } {
  let last: Y.Snapshot | null = null;
  (provider.messageHandlers as unknown as Array<(...args: unknown[]) => void>)[MessageType.saved] = (
    _encoder: unknown,
    decoder: unknown,
  ) => {
    last = Y.decodeSnapshot(decoding.readVarUint8Array(decoder as decoding.Decoder));
  };
  const subscribe = () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.subscribeSaved);
    provider.ws?.send(encoding.toUint8Array(encoder));
  };
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') subscribe();
  });
  if (provider.wsconnected) subscribe();
  return { last: () => last };
}
