import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { startServer, type TestServer } from '../helpers/inProcessServer.ts';
import { createUser, type TestUser } from '../helpers/accounts.ts';
import { connectClient } from '../helpers/yClient.ts';
import { waitFor } from '../helpers/waitFor.ts';

const RUNS = process.env.DALIL_SOAK ? 2000 : 150;
/**
 * Heap (after a full GC) that the fuzz may leave behind in this process, which hosts both the server
 * and the test: a fixed 2 MiB plus 1 KiB per frame. Measured: about 0.5 MiB after 150 frames and
 * 1.3 MiB after 2,000 (awareness clocks of departed ids, content of mutated updates that stayed
 * valid). Keeping every frame or every closed socket would cross it in soak runs; JIT code and
 * pools are warmed up before the first measure. Leaked sockets and presences are checked directly.
 */
const MAX_HEAP_GROWTH_BYTES = 2 * 1024 * 1024 + RUNS * 1024;

/** A real full GC without starting the worker with --expose-gc. */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function settledHeap(gc: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Valid frames of every kind the protocol has, to be mutated. */
function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  doc.getText('text').insert(0, 'graine de fuzz');
  const frames: Uint8Array[] = [];
  const sync = (write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    write(e);
    frames.push(encoding.toUint8Array(e));
  };
  sync((e) => syncProtocol.writeSyncStep1(e, doc));
  sync((e) => syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0])));
  sync((e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc)));
  const awareness = new Awareness(doc);
  awareness.setLocalState({ user: { name: 'fuzz', color: '#000000' }, cursor: null });
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encodeAwarenessUpdate(awareness, [doc.clientID]));
  frames.push(encoding.toUint8Array(e));
  frames.push(new Uint8Array([3]));
  return frames;
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('hugeLength' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), bytes: fc.uint8Array({ maxLength: 32 }) }),
);

type Mutation = { kind: string; at?: number; value?: number; bytes?: Uint8Array };

function mutate(frame: Uint8Array, m: Mutation): Uint8Array {
  const copy = new Uint8Array(frame);
  const at = (m.at ?? 0) % Math.max(1, copy.length);
  switch (m.kind) {
    case 'flip':
      copy[at] = m.value ?? 0;
      return copy;
    case 'truncate':
      return copy.subarray(0, at);
    case 'hugeLength': {
      // A varint claiming gigabytes where a length is expected.
      const out = new Uint8Array(copy.length + 5);
      out.set(copy.subarray(0, at));
      out.set([0xff, 0xff, 0xff, 0xff, 0x0f], at);
      out.set(copy.subarray(at), at + 5);
      return out;
    }
    default:
      return new Uint8Array([...copy, ...(m.bytes ?? [])]);
  }
}

describe('WebSocket frame fuzz', () => {
  let server: TestServer;
  let owner: TestUser;
  beforeAll(async () => {
    server = await startServer({ RATE_LIMIT_PER_MINUTE: '1000000' });
    owner = await createUser(server, 'Fuzz');
  });
  afterAll(() => server.dispose());

  it(`${RUNS} mutated frames: no crash, a bystander keeps working, memory stays bounded`, async () => {
    const { section } = await owner.api.guideWithSection();
    const bystander = connectClient(server.wsUrl, section.docName, { cookie: owner.cookie });
    await bystander.synced();
    const frames = validFrames();
    const socket = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const ws = new WebSocket(`${server.wsUrl}/${section.docName}`, { headers: { cookie: owner.cookie } });
        ws.on('open', () => resolve(ws));
        ws.on('error', reject);
      });
    let ws = await socket();
    let closes = 0;
    const fuzz = (numRuns: number, seed: number) =>
      fc.assert(
        fc.asyncProperty(fc.nat({ max: frames.length - 1 }), mutation, async (index, m) => {
          if (ws.readyState !== WebSocket.OPEN) {
            closes++;
            ws = await socket();
          }
          ws.send(mutate(frames[index]!, m));
          await new Promise((r) => setImmediate(r));
          return true;
        }),
        { numRuns, seed },
      );
    const room = server.registry.get(section.docName)!;
    const gc = fullGc();
    // Warm-up with another seed: JIT code, socket pools and fast-check's own caches come first.
    await fuzz(30, 1);
    const heapBefore = await settledHeap(gc);
    await fuzz(RUNS, 20261122);
    ws.close();
    // Every fuzz socket leaves the room with its presence: only the bystander remains.
    await waitFor('fuzz sockets gone', () => room.members.size === 1);
    expect([...room.awareness.getStates().keys()].filter((id) => id !== bystander.doc.clientID)).toEqual([]);
    bystander.text.insert(bystander.text.length, 'toujours là');
    const check = connectClient(server.wsUrl, section.docName, { cookie: owner.cookie });
    await check.synced();
    await waitFor('bystander edit relayed after the fuzz', () => check.text.toString().includes('toujours là'));
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(closes).toBeGreaterThan(0);
    bystander.destroy();
    check.destroy();
    const growth = (await settledHeap(gc)) - heapBefore;
    console.log(`frame fuzz: ${RUNS} frames, ${closes} sockets closed by the server, heap growth after GC ${(growth / 1024).toFixed(0)} KiB`);
    expect(growth).toBeLessThan(MAX_HEAP_GROWTH_BYTES);
  });
});
