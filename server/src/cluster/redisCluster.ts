import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Room } from '../collaboration/room.ts';
import { EVENTS_CHANNEL, parseClusterMessage, ROOM_CHANNEL_PREFIX, roomChannel, type ClusterEvent, type ClusterMessage } from './clusterEvents.ts';
import { NODE_ID_BYTES, RoomRelay, type RelayKind, type RelayPort } from './roomRelay.ts';

export interface ClusterLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface ClusterHandlers {
  /** An event another node published. */
  onEvent(event: ClusterEvent): void;
  /**
   * The link is up (first time, or back after being down): what was published before or meanwhile
   * was missed.
   */
  onLinkUp(): Promise<void>;
}

/**
 * This node's link to the others through Redis pub/sub: one channel per open room (binary Yjs and
 * awareness messages, see RoomRelay) and one for events (records committed, access changes,
 * announcements). Every node may open any document; none owns one (see README, "Several nodes").
 *
 * Redis holds nothing durable here: a message published while it is away is lost, and a node that
 * gets its link back asks the other nodes for what its rooms lack and re-reads the records that
 * changed, so documents and metadata converge again.
 */
export class RedisCluster implements RelayPort {
  readonly node = randomBytes(NODE_ID_BYTES);
  private readonly nodeHex = this.node.toString('hex');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly relays = new Map<string, RoomRelay>();
  /** Whether the link was up since the last catch-up (a catch-up is due whenever it comes up). */
  private upSinceCatchUp = false;
  private lastWarning = 0;
  private closed = false;

  constructor(
    url: string,
    private readonly handlers: ClusterHandlers,
    private readonly log: ClusterLogger,
  ) {
    const options: RedisOptions = {
      // reconnect for ever, at most every 2 s
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
      maxRetriesPerRequest: 1,
      connectionName: `dalil-${this.nodeHex.slice(0, 8)}`,
    };
    // Published while the link is down: dropped at once (the catch-up after it returns covers it).
    this.pub = new Redis(url, { ...options, enableOfflineQueue: false });
    this.sub = new Redis(url, options);
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
    for (const connection of [this.pub, this.sub]) {
      connection.on('error', (err: Error) => this.warn(err));
      connection.on('close', () => {
        if (!this.closed) this.upSinceCatchUp = false;
      });
      // ioredis subscribes the channels again on its own before 'ready'
      connection.on('ready', () => this.maybeLinkUp());
    }
  }

  /** Subscribes to the events channel (waits for Redis at most `timeoutMs`: a node starts without it). */
  async start(timeoutMs = 5000): Promise<void> {
    const subscribed = this.sub.subscribe(EVENTS_CHANNEL).then(() => {
      this.subscribed = true;
    });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const outcome = await Promise.race([subscribed.then(() => 'ok' as const, (err: Error) => err), timeout]);
    if (outcome !== 'ok') this.log.warn({ reason: outcome === 'timeout' ? 'timeout' : outcome.message }, 'Redis is not reachable yet: serving this node alone until it is');
    this.maybeLinkUp();
  }

  private subscribed = false;

  /** Both connections ready and subscribed: catch up on what was published while they were not. */
  private maybeLinkUp(): void {
    if (this.closed || this.upSinceCatchUp || !this.subscribed || this.pub.status !== 'ready' || this.sub.status !== 'ready') return;
    this.upSinceCatchUp = true;
    void this.linkUp();
  }

  /** Both connections up and subscribed (what is published now reaches the other nodes). */
  isLinkUp(): boolean {
    return this.upSinceCatchUp && this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  attach(room: Room): void {
    const relay = new RoomRelay(room, this.node, this);
    this.relays.set(room.name, relay);
    this.sub.subscribe(roomChannel(room.name)).then(
      () => relay.requestSync(),
      (err: Error) => this.warn(err),
    );
  }

  detach(room: Room): void {
    const relay = this.relays.get(room.name);
    if (relay?.room !== room) return;
    relay.detach();
    this.relays.delete(room.name);
    this.sub.unsubscribe(roomChannel(room.name)).catch((err: Error) => this.warn(err));
  }

  publish(room: Room, message: Buffer): void {
    this.pub.publish(roomChannel(room.name), message).catch(() => {});
  }

  publishEvent(event: ClusterEvent): void {
    const message: ClusterMessage = { node: this.nodeHex, event };
    this.pub.publish(EVENTS_CHANNEL, JSON.stringify(message)).catch(() => {});
  }

  private readonly closeListeners: Array<() => void> = [];

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const listener of this.closeListeners) listener();
    for (const relay of this.relays.values()) relay.detach();
    this.relays.clear();
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }

  private async linkUp(): Promise<void> {
    // others catch up too: what this node published while its link was down was lost
    this.publishEvent({ type: 'resync' });
    for (const relay of this.relays.values()) relay.requestSync();
    try {
      await this.handlers.onLinkUp();
    } catch (err) {
      this.warn(err as Error);
    }
  }

  private onMessage(channel: string, message: Buffer): void {
    if (channel === EVENTS_CHANNEL) {
      const parsed = parseClusterMessage(message.toString());
      if (!parsed || parsed.node === this.nodeHex) return;
      try {
        this.handlers.onEvent(parsed.event);
      } catch (err) {
        this.warn(err as Error);
      }
      return;
    }
    if (!channel.startsWith(ROOM_CHANNEL_PREFIX) || message.byteLength < 1 + NODE_ID_BYTES) return;
    if (this.node.equals(message.subarray(1, 1 + NODE_ID_BYTES))) return;
    const relay = this.relays.get(channel.slice(ROOM_CHANNEL_PREFIX.length));
    try {
      relay?.receive(message[0] as RelayKind, message.subarray(1 + NODE_ID_BYTES));
    } catch (err) {
      this.warn(err as Error);
    }
  }

  /** At most one line every 5 s: a Redis that is away makes every reconnect attempt fail. */
  private warn(err: Error): void {
    if (Date.now() - this.lastWarning < 5000) return;
    this.lastWarning = Date.now();
    this.log.warn({ err: err.message }, 'link to the other nodes (Redis)');
  }
}
