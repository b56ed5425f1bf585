import * as Y from 'yjs';
import { closeAll, openMany, type BenchClient, type Endpoint } from './clients.ts';
import { cpuTimeOf } from './processes.ts';
import { sleep, until } from './stats.ts';

export interface PropagationRun {
  /** Per delivery (one edit reaching one other client), paced phase, ms. */
  samples: number[];
  /** Per edit, until the last other client had it, paced phase, ms. */
  toAll: number[];
  /** Burst phase: `edits` sent back to back, round-robin; edits delivered to every other client per second. */
  burstEditsPerSec: number;
  burstSamples: number[];
  /** Server CPU time (user + system, 10 ms ticks) per phase: connecting the clients, paced edits, burst. */
  serverCpuMs: { connect: number; paced: number; burst: number };
}

/**
 * Propagation of single-character edits through one server. Senders take turns (round-robin); each
 * edit is one Y.Text insert, i.e. one y-websocket update frame. Receivers identify an edit by the
 * (client, clock) range of the update they receive, so no payload is added to the document.
 *
 * Phase 1 (latency): edits at a fixed pace (`paceMs` apart, open loop, start times scheduled from
 * the phase start so a slow step does not slow the pace down). Phase 2 (throughput): the same
 * number of edits sent back to back; edits/s = edits / (first send → last delivery).
 */
export async function measurePropagation(
  endpoint: Endpoint,
  docName: string,
  clientCount: number,
  edits: number,
  paceMs: number,
  serverPid: number,
): Promise<PropagationRun> {
  const cpu0 = cpuTimeOf(serverPid);
  const clients = await openMany(endpoint, Array.from({ length: clientCount }, () => docName), 25);
  const cpu1 = cpuTimeOf(serverPid);
  try {
    const tracker = new DeliveryTracker(clients);
    await runPhase(tracker, clients, 50, 2, 'warm-up');
    tracker.reset();
    const cpu2 = cpuTimeOf(serverPid);
    await runPhase(tracker, clients, edits, paceMs, 'paced');
    const cpu3 = cpuTimeOf(serverPid);
    const samples = tracker.samples;
    const toAll = tracker.toAll;
    tracker.reset();
    const t0 = performance.now();
    await runPhase(tracker, clients, edits, 0, 'burst');
    const burstMs = tracker.lastDelivery - t0;
    const cpu4 = cpuTimeOf(serverPid);
    return {
      samples,
      toAll,
      burstEditsPerSec: (edits * 1000) / burstMs,
      burstSamples: tracker.samples,
      serverCpuMs: { connect: cpu1 - cpu0, paced: cpu3 - cpu2, burst: cpu4 - cpu3 },
    };
  } finally {
    closeAll(clients);
    await sleep(200);
  }
}

async function runPhase(tracker: DeliveryTracker, clients: BenchClient[], edits: number, paceMs: number, what: string) {
  const start = performance.now();
  for (let k = 0; k < edits; k++) {
    if (paceMs > 0) {
      const due = start + k * paceMs;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
    }
    const sender = clients[k % clients.length]!;
    tracker.sent(sender);
    sender.text.insert(sender.text.length, 'x');
  }
  const timeout = 30_000 + edits * paceMs;
  await until(`${what} edits delivered to every client`, () => tracker.outstanding === 0, timeout, 2);
}

class DeliveryTracker {
  samples: number[] = [];
  toAll: number[] = [];
  lastDelivery = 0;
  /** `${client}:${clock}` → send time and how many receivers still wait for it. */
  private readonly pending = new Map<string, { t0: number; waiting: number }>();

  constructor(private readonly clients: BenchClient[]) {
    for (const c of clients) {
      c.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin !== c.provider) return; // local edits
        const now = performance.now();
        const { from, to } = Y.parseUpdateMeta(update);
        for (const [client, end] of to) {
          if (client === c.doc.clientID) continue; // the reference relay echoes edits to their sender
          for (let clock = from.get(client) ?? 0; clock < end; clock++) this.delivered(`${client}:${clock}`, now);
        }
      });
    }
  }

  get outstanding(): number {
    return this.pending.size;
  }

  sent(sender: BenchClient): void {
    const clock = Y.getState(sender.doc.store, sender.doc.clientID);
    this.pending.set(`${sender.doc.clientID}:${clock}`, { t0: performance.now(), waiting: this.clients.length - 1 });
  }

  reset(): void {
    this.samples = [];
    this.toAll = [];
    this.lastDelivery = 0;
  }

  private delivered(key: string, now: number): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.samples.push(now - entry.t0);
    this.lastDelivery = Math.max(this.lastDelivery, now);
    if (--entry.waiting === 0) {
      this.toAll.push(now - entry.t0);
      this.pending.delete(key);
    }
  }
}
