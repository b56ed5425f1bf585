import type { IncomingMessage } from 'node:http';
import WebSocket, { WebSocketServer, type RawData } from 'ws';
import { seededRandom } from './seededRandom.ts';

export interface FaultyProxyOptions {
  /** Seeds every random decision (delays, drops), so that a failing run can be replayed. */
  seed: number;
  /** Each WebSocket message is held for a random 0..maxDelayMs, independently: later ones overtake. */
  maxDelayMs: number;
  /** Chance, per relayed message, that the whole connection is cut (both sockets, pending messages lost). */
  dropProbability: number;
}

export interface FaultyProxyStats {
  connections: number;
  messages: number;
  /** Messages delivered after a message that was sent later on the same connection and direction. */
  reordered: number;
  drops: number;
  refused: number;
}


interface Pair {
  client: WebSocket;
  upstream: WebSocket;
  cut(): void;
}

/**
 * A loopback WebSocket proxy between stock y-websocket clients and the real server that makes the
 * network bad: it delays and reorders whole WebSocket messages (never bytes inside a stream, which
 * would only break the framing), cuts connections at random, and can refuse every connection for a
 * while (an outage). Yjs updates commute and awareness carries clocks, so reordering messages is
 * something the protocol must absorb; a lost message can only happen with its connection, after
 * which the client reconnects and both sides resynchronise.
 */
export class FaultyProxy {
  readonly stats: FaultyProxyStats = { connections: 0, messages: 0, reordered: 0, drops: 0, refused: 0 };
  private readonly pairs = new Set<Pair>();
  private readonly random: () => number;
  private maxDelayMs: number;
  private dropProbability: number;
  private down = false;

  private constructor(
    private readonly wss: WebSocketServer,
    private readonly upstreamBase: string,
    options: FaultyProxyOptions,
  ) {
    this.random = seededRandom(options.seed);
    this.maxDelayMs = options.maxDelayMs;
    this.dropProbability = options.dropProbability;
    wss.on('connection', (client, request) => this.accept(client, request));
  }

  /** `upstreamBase` is the server's `ws://127.0.0.1:port`; clients use `proxy.url` the same way. */
  static async start(upstreamBase: string, options: FaultyProxyOptions): Promise<FaultyProxy> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve, reject) => {
      wss.once('listening', resolve);
      wss.once('error', reject);
    });
    return new FaultyProxy(wss, upstreamBase, options);
  }

  get url(): string {
    const address = this.wss.address();
    if (!address || typeof address === 'string') throw new Error('proxy has no TCP address');
    return `ws://127.0.0.1:${address.port}`;
  }

  /** Cuts one connection chosen by the seeded PRNG; false when there is none. */
  dropRandom(): boolean {
    const pairs = [...this.pairs];
    if (pairs.length === 0) return false;
    pairs[Math.floor(this.random() * pairs.length)]!.cut();
    return true;
  }

  /** While down, every connection is cut and new ones are refused, as during an outage. */
  setDown(down: boolean): void {
    this.down = down;
    if (down) for (const pair of [...this.pairs]) pair.cut();
  }

  /** From now on: no delay, no drop, no outage. Messages already held are still delivered. */
  heal(): void {
    this.maxDelayMs = 0;
    this.dropProbability = 0;
    this.down = false;
  }

  async close(): Promise<void> {
    for (const pair of [...this.pairs]) pair.cut();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(client: WebSocket, request: IncomingMessage): void {
    client.on('error', () => {});
    if (this.down) {
      this.stats.refused++;
      client.terminate();
      return;
    }
    this.stats.connections++;
    const headers: Record<string, string> = {};
    if (request.headers.cookie) headers.cookie = request.headers.cookie;
    const upstream = new WebSocket(this.upstreamBase + (request.url ?? '/'), { headers });
    upstream.on('error', () => {});
    let closed = false;
    const pair: Pair = {
      client,
      upstream,
      cut: () => {
        if (closed) return;
        closed = true;
        this.pairs.delete(pair);
        client.terminate();
        upstream.terminate();
      },
    };
    this.pairs.add(pair);
    const relay = (from: WebSocket, to: WebSocket) => {
      let sent = 0;
      let maxDelivered = -1;
      const heldUntilOpen: Array<() => void> = [];
      if (to.readyState === WebSocket.CONNECTING) to.once('open', () => heldUntilOpen.splice(0).forEach((send) => send()));
      from.on('message', (data: RawData, isBinary: boolean) => {
        if (closed) return;
        this.stats.messages++;
        if (this.random() < this.dropProbability) {
          this.stats.drops++;
          pair.cut();
          return;
        }
        const seq = sent++;
        const deliver = () => {
          if (closed || to.readyState !== WebSocket.OPEN) return;
          if (seq < maxDelivered) this.stats.reordered++;
          maxDelivered = Math.max(maxDelivered, seq);
          to.send(data, { binary: isBinary });
        };
        const delay = Math.floor(this.random() * (this.maxDelayMs + 1));
        setTimeout(() => {
          if (to.readyState === WebSocket.CONNECTING) heldUntilOpen.push(deliver);
          else deliver();
        }, delay);
      });
    };
    relay(client, upstream);
    relay(upstream, client);
    // A close on either side closes the other with the same code, so final refusals (44xx) reach
    // the client; a code that cannot be sent (1005, 1006) becomes a plain cut.
    const closeOther = (other: WebSocket) => (code: number) => {
      if (closed) return;
      closed = true;
      this.pairs.delete(pair);
      if ((code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999)) other.close(code);
      else other.terminate();
    };
    client.on('close', closeOther(upstream));
    upstream.on('close', closeOther(client));
  }
}
