import type { WebSocket, RawData } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode, MessageType } from '@dalil/shared';
import type { Room, RoomMember } from './room.ts';
import { awarenessMessage, savedMessage, syncStep1Message, syncStep2Message } from './protocol.ts';
import { bindAwarenessUpdate, PresenceRefused, type AwarenessIdentity } from './awarenessGuard.ts';
import type { AbuseLog } from './abuseLog.ts';
import { RateBudget } from './rateBudget.ts';

/**
 * Awareness updates one socket may send: a burst, then a steady rate. A person dragging a
 * selection sends a few dozen a second at most; more is a flood every peer would receive.
 */
export const AWARENESS_BURST = 150;
export const AWARENESS_PER_SECOND = 50;

export interface ConnectionLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ConnectionOptions {
  /** May this socket change the document's content? Decided once, at connection time. */
  canWrite: boolean;
  /** The authenticated account; presence is bound to it. */
  identity: AwarenessIdentity;
  guideId: string;
  /** The session the socket was opened with: ending it closes the socket. */
  sessionTokenHash: string;
  sessionExpiresAt: number;
  /** Interval between pings; a socket that missed one pong is closed. */
  pingIntervalMs: number;
  /** Where refused input is logged, rate-limited. */
  abuseLog: AbuseLog;
}

/**
 * One socket bound to one room. Frames that arrive while the room is still loading are kept and
 * handled in order once it is ready, so nothing is answered from a half-loaded document.
 */
export class Connection implements RoomMember {
  readonly awarenessIds = new Set<number>();
  wantsSaved = false;
  private readonly awarenessBinding: { clientId: number | null } = { clientId: null };
  private room: Room | null = null;
  private queued: Uint8Array[] = [];
  private closed = false;
  private alive = true;
  private pingTimer: NodeJS.Timeout | null = null;
  private droppedUpdates = 0;
  private readonly closeListeners: Array<() => void> = [];
  private readonly awarenessBudget = new RateBudget(AWARENESS_BURST, AWARENESS_PER_SECOND);

  constructor(
    private readonly socket: WebSocket,
    readonly docName: string,
    private readonly options: ConnectionOptions,
    private readonly logger: ConnectionLogger,
  ) {
    socket.binaryType = 'nodebuffer';
    socket.on('message', (data: RawData, isBinary: boolean) => this.onFrame(data, isBinary));
    socket.on('close', () => this.onClosed());
    // Socket errors ('error' events: protocol violations, oversized frames) go to the route's
    // errorHandler, which logs them through the AbuseLog.
    socket.on('pong', () => (this.alive = true));
  }

  get userId(): string {
    return this.options.identity.userId;
  }

  get guideId(): string {
    return this.options.guideId;
  }

  get sessionTokenHash(): string {
    return this.options.sessionTokenHash;
  }

  get sessionExpiresAt(): number {
    return this.options.sessionExpiresAt;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Binds the loaded room: greets the client, then handles what it sent meanwhile. */
  attach(room: Room): void {
    if (this.closed) return;
    this.room = room;
    room.add(this);
    this.send(syncStep1Message(room.doc));
    const states = [...room.awareness.getStates().keys()];
    if (states.length > 0) this.send(awarenessMessage(room.awareness, states));
    const queued = this.queued;
    this.queued = [];
    for (const frame of queued) {
      if (this.closed) return;
      this.handle(frame);
    }
    this.pingTimer = setInterval(() => this.ping(), this.options.pingIntervalMs);
    this.pingTimer.unref();
  }

  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    // No per-send callback: a failed write errors the socket, which ws closes (→ onClosed). A new
    // closure per frame would also cost every write of a fan-out its own nextTick in Node's stream.
    this.socket.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    // Close reasons are limited to 123 bytes by the WebSocket protocol.
    this.socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
    this.onClosed();
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) {
      this.close(CloseCode.invalidMessage, 'text frames are not part of the protocol');
      return;
    }
    const frame = toUint8Array(data);
    if (this.room) this.handle(frame);
    else this.queued.push(frame);
  }

  private handle(frame: Uint8Array): void {
    try {
      this.dispatch(frame);
    } catch (err) {
      const message = (err as Error).message;
      const refused = err instanceof PresenceRefused;
      this.options.abuseLog.note(this.logger, this.socket, { doc: this.docName, kind: refused ? 'presence' : 'malformed', detail: message });
      if (refused) this.close(CloseCode.presenceRefused, message);
      else this.close(CloseCode.invalidMessage, `malformed message: ${message}`);
    }
  }

  private dispatch(frame: Uint8Array): void {
    const room = this.room!;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        this.handleSync(room, decoder);
        break;
      case MessageType.awareness:
        this.handleAwareness(room, decoding.readVarUint8Array(decoder));
        break;
      case MessageType.queryAwareness:
        this.send(awarenessMessage(room.awareness, [...room.awareness.getStates().keys()]));
        break;
      case MessageType.auth:
        // Clients never authenticate in-band: the session was checked at the handshake.
        break;
      case MessageType.subscribeSaved: {
        this.wantsSaved = true;
        const snapshot = room.savedSnapshot();
        if (snapshot) this.send(savedMessage(snapshot));
        break;
      }
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  private handleAwareness(room: Room, raw: Uint8Array): void {
    const update = bindAwarenessUpdate(raw, this.options.identity, this.awarenessBinding);
    // Stock y-websocket clients echo every awareness update they receive: only updates of the
    // socket's own presence count against its budget (echoes are dropped above, at no cost to peers).
    if (!update) return;
    if (!this.awarenessBudget.take()) throw new PresenceRefused('awareness updates too frequent');
    if (!room.claimAwarenessId(this.awarenessBinding.clientId!, this)) {
      throw new PresenceRefused('this awareness client id belongs to another account');
    }
    awarenessProtocol.applyAwarenessUpdate(room.awareness, update, this);
  }

  private handleSync(room: Room, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1:
        this.send(syncStep2Message(room.doc, decoding.readVarUint8Array(decoder)));
        break;
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // Read-only members receive the document but cannot change it, whichever message carries
        // the change (a sync step 2 sent after offline edits is the same bypass as an update).
        if (!this.options.canWrite || !room.acceptsClientUpdates) {
          this.noteDroppedUpdate(syncType);
          return;
        }
        Y.applyUpdate(room.doc, update, this);
        break;
      }
      default:
        throw new Error(`unknown sync message type ${syncType}`);
    }
  }

  private noteDroppedUpdate(syncType: number): void {
    this.droppedUpdates += 1;
    // One line per socket and then every hundredth, so a misbehaving client cannot flood the log.
    if (this.droppedUpdates === 1 || this.droppedUpdates % 100 === 0) {
      this.logger.info(
        { doc: this.docName, syncType, dropped: this.droppedUpdates },
        'dropped a document update from a read-only connection',
      );
    }
  }

  private ping(): void {
    if (!this.alive) {
      this.socket.terminate();
      this.onClosed();
      return;
    }
    this.alive = false;
    try {
      this.socket.ping();
    } catch {
      this.onClosed();
    }
  }

  private onClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.queued = [];
    if (this.pingTimer) clearInterval(this.pingTimer);
    for (const listener of this.closeListeners) listener();
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
