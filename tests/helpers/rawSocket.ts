import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@dalil/shared';

export interface RawSocket {
  ws: WebSocket;
  /** Resolves once the server's first frame (its sync step 1) arrived: the room is attached. */
  greeted: Promise<void>;
  /** Resolves with how the socket closed. */
  closed: Promise<{ code: number; reason: string }>;
  /** Frames received so far. */
  received: Uint8Array[];
  send(frame: Uint8Array): void;
}

/** A bare WebSocket to `/collab/<docName>` with a session cookie: frames exactly as the test writes them. */
export function openRawSocket(wsUrl: string, docName: string, cookie: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(`${wsUrl}/${docName}`, { headers: { cookie, ...headers } });
  const received: Uint8Array[] = [];
  let greet: () => void;
  const greeted = new Promise<void>((resolve) => (greet = resolve));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  ws.on('error', () => {});
  ws.on('message', (data: Buffer) => {
    received.push(new Uint8Array(data));
    greet();
  });
  return {
    ws,
    greeted,
    closed,
    received,
    send: (frame) => {
      if (ws.readyState === ws.OPEN) ws.send(frame);
    },
  };
}

/** A sync-update frame inserting `text` at the start of the document's `text` Y.Text. */
export function textUpdateFrame(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return encoding.toUint8Array(encoder);
}

/** An awareness frame for one client id, with `state` as its JSON (or null to remove it). */
export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientId);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/**
 * Sends a sync step 1 and waits for the server's step 2: the server handles a socket's frames in
 * order, so everything sent before has been handled (applied or dropped) when this resolves.
 */
export async function roundTrip(socket: RawSocket, timeoutMs = 10_000): Promise<void> {
  const seen = socket.received.length;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, new Y.Doc());
  socket.send(encoding.toUint8Array(encoder));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (socket.received.slice(seen).some((f) => f[0] === MessageType.sync && f[1] === syncProtocol.messageYjsSyncStep2)) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no sync step 2 in reply');
}
