import * as Y from 'yjs';
import { closeAll, openMany, type BenchClient } from './clients.ts';
import { cpuTimeOf, type BenchServer } from './processes.ts';
import { sleep, until } from './stats.ts';

export interface SplitPropagationRun {
  /** Per delivery (one edit reaching one other client) between clients of the same node, ms. */
  sameNode: number[];
  /** Per delivery between clients of different nodes (empty with one node), ms. */
  crossNode: number[];
  /** Per edit, until every other client had it, ms. */
  toAll: number[];
  edits: number;
  /** CPU time (user + system) of each node during the paced edits, ms (10 ms ticks). */
  nodeCpuMs: number[];
  /** CPU time of the other processes given (PostgreSQL, Redis), summed, during the paced edits, ms. */
  backingCpuMs: number;
}

/**
 * Edit → every other client, with the clients spread over several nodes of one cluster (client i on
 * node i mod nodes): senders take turns (round-robin), one single-character Y.Text insert per edit,
 * paced `paceMs` apart (open loop). Receivers identify an edit by the (client, clock) range of the
 * update they get, and each delivery is filed under "same node" or "cross node" by where its sender
 * and receiver are connected. With one node it is the plain propagation measurement.
 */
export async function measureSplitPropagation(
  nodes: BenchServer[],
  docName: string,
  clientCount: number,
  edits: number,
  paceMs: number,
  backingCpu: () => number = () => 0,
): Promise<SplitPropagationRun> {
  const perNode: BenchClient[][] = [];
  const nodeOf = new Map<BenchClient, number>();
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    const mine = Math.floor(clientCount / nodes.length) + (n < clientCount % nodes.length ? 1 : 0);
    perNode.push(await openMany({ wsUrl: node.wsUrl, cookie: node.cookie }, Array.from({ length: mine }, () => docName), 25));
    for (const c of perNode[n]!) nodeOf.set(c, n);
  }
  // interleaved by node, so that the round-robin senders alternate between nodes
  const clients: BenchClient[] = [];
  for (let i = 0; i < Math.max(...perNode.map((p) => p.length)); i++) for (const p of perNode) if (p[i]) clients.push(p[i]!);
  try {
    const tracker = new SplitTracker(clients, nodeOf);
    // every client has every other's first edit before timing: the nodes' relays are warm
    await phase(tracker, clients, 60, 3, 'warm-up');
    tracker.reset();
    const cpu0 = nodes.map((n) => cpuTimeOf(n.pid));
    const b0 = backingCpu();
    await phase(tracker, clients, edits, paceMs, 'paced');
    const nodeCpuMs = nodes.map((n, i) => cpuTimeOf(n.pid) - cpu0[i]!);
    return { sameNode: tracker.same, crossNode: tracker.cross, toAll: tracker.toAll, edits, nodeCpuMs, backingCpuMs: backingCpu() - b0 };
  } finally {
    closeAll(clients);
    await sleep(200);
  }
}

async function phase(tracker: SplitTracker, clients: BenchClient[], edits: number, paceMs: number, what: string): Promise<void> {
  const start = performance.now();
  for (let k = 0; k < edits; k++) {
    const wait = start + k * paceMs - performance.now();
    if (wait > 1) await sleep(wait);
    const sender = clients[k % clients.length]!;
    tracker.sent(sender);
    sender.text.insert(sender.text.length, 'x');
  }
  await until(`${what} edits delivered to every client`, () => tracker.outstanding === 0, 30_000 + edits * paceMs, 2);
}

class SplitTracker {
  same: number[] = [];
  cross: number[] = [];
  toAll: number[] = [];
  private readonly pending = new Map<string, { t0: number; node: number; waiting: number }>();

  constructor(
    private readonly clients: BenchClient[],
    private readonly nodeOf: Map<BenchClient, number>,
  ) {
    for (const c of clients) {
      const node = nodeOf.get(c)!;
      c.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== c.provider) return; // local edits
        const now = performance.now();
        const { from, to } = Y.parseUpdateMeta(update);
        for (const [client, end] of to) {
          if (client === c.doc.clientID) continue;
          for (let clock = from.get(client) ?? 0; clock < end; clock++) this.delivered(`${client}:${clock}`, node, now);
        }
      });
    }
  }

  get outstanding(): number {
    return this.pending.size;
  }

  sent(sender: BenchClient): void {
    const clock = Y.getState(sender.doc.store, sender.doc.clientID);
    this.pending.set(`${sender.doc.clientID}:${clock}`, { t0: performance.now(), node: this.nodeOf.get(sender)!, waiting: this.clients.length - 1 });
  }

  reset(): void {
    this.same = [];
    this.cross = [];
    this.toAll = [];
  }

  private delivered(key: string, node: number, now: number): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    (entry.node === node ? this.same : this.cross).push(now - entry.t0);
    if (--entry.waiting === 0) {
      this.toAll.push(now - entry.t0);
      this.pending.delete(key);
    }
  }
}
