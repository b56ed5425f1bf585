import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { RELAY_ORIGIN, type Room } from '../collaboration/room.ts';

/** Kinds of room messages between nodes: first byte of each. */
export const enum RelayKind {
  /** A document update made on the sending node (by its clients or itself). */
  update = 0,
  /** Awareness changes of the sending node's clients. */
  awareness = 1,
  /** "I just opened this room: here is my state vector"; every node that has it answers. */
  syncRequest = 2,
  /** The answer's other half: "and here is mine; send me what I lack" (never answered by a vector). */
  syncVector = 3,
}

export const NODE_ID_BYTES = 16;

export function encodeRelay(kind: RelayKind, node: Buffer, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(1 + NODE_ID_BYTES + payload.byteLength);
  out[0] = kind;
  node.copy(out, 1);
  out.set(payload, 1 + NODE_ID_BYTES);
  return out;
}

export interface RelayPort {
  publish(room: Room, message: Buffer): void;
}

/**
 * One room's side of the link between nodes. Every node that has the document open keeps its own
 * copy, stores what it receives (so "saved" on any node means stored) and relays:
 * - its local changes (from its sockets or the server itself) to the other nodes;
 * - the other nodes' changes to its own sockets (the room does that for any update).
 * A node that opens the room asks the others for what it lacks (state vector), so that a document
 * being edited on another node with updates not yet stored is complete here too.
 */
export class RoomRelay {
  constructor(
    readonly room: Room,
    private readonly node: Buffer,
    private readonly port: RelayPort,
  ) {
    if (room.kind === 'section') room.doc.on('update', this.onUpdate);
    room.awareness.on('update', this.onAwareness);
  }

  /** Asks the other nodes for what this copy lacks (on open, and after the link was down). */
  requestSync(): void {
    const vector = this.room.kind === 'section' ? Y.encodeStateVector(this.room.doc) : new Uint8Array(0);
    this.port.publish(this.room, encodeRelay(RelayKind.syncRequest, this.node, vector));
  }

  receive(kind: RelayKind, payload: Uint8Array): void {
    if (kind === RelayKind.update) {
      if (this.room.kind === 'section') Y.applyUpdate(this.room.doc, payload, RELAY_ORIGIN);
    } else if (kind === RelayKind.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.room.awareness, payload, RELAY_ORIGIN);
    } else if (kind === RelayKind.syncVector) {
      this.sendMissing(payload);
    } else if (kind === RelayKind.syncRequest) {
      this.sendMissing(payload);
      // what they have and this copy lacks comes back as an update
      if (this.room.kind === 'section') this.port.publish(this.room, encodeRelay(RelayKind.syncVector, this.node, Y.encodeStateVector(this.room.doc)));
      const local = [...this.room.awareness.getStates().keys()].filter((id) => id !== this.room.awareness.clientID);
      if (local.length > 0) this.port.publish(this.room, encodeRelay(RelayKind.awareness, this.node, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, local)));
    }
  }

  private sendMissing(theirVector: Uint8Array): void {
    if (this.room.kind !== 'section') return;
    const missing = Y.encodeStateAsUpdate(this.room.doc, theirVector.byteLength > 0 ? theirVector : undefined);
    // an empty update is two bytes: nothing they lack
    if (missing.byteLength > 2) this.port.publish(this.room, encodeRelay(RelayKind.update, this.node, missing));
  }

  detach(): void {
    this.room.doc.off('update', this.onUpdate);
    this.room.awareness.off('update', this.onAwareness);
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === RELAY_ORIGIN) return;
    this.port.publish(this.room, encodeRelay(RelayKind.update, this.node, update));
  };

  private readonly onAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin === RELAY_ORIGIN) return;
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    this.port.publish(this.room, encodeRelay(RelayKind.awareness, this.node, awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, changed)));
  };
}
