import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { spawnServer, type ServerProcess } from '../helpers/serverProcess.ts';
import { killIfRunning, spawnDemoServer } from '../helpers/demoServer.ts';
import { connectClient, type YClient } from '../helpers/yClient.ts';
import { FaultyProxy, type FaultyProxyStats } from '../helpers/faultyProxy.ts';
import { docOnDisk } from '../helpers/docOnDisk.ts';
import { tempDir } from '../helpers/tempDir.ts';
import { sleep, waitFor } from '../helpers/waitFor.ts';

const SOAK = Boolean(process.env.DALIL_SOAK);
const RUNS = SOAK ? 40 : 6;
const CLIENTS = 4;
const MAX_OPS = SOAK ? 160 : 90;

type Op =
  | { kind: 'insert' | 'paragraph' | 'delete' | 'format' | 'unformat'; client: number; a: number; b: number }
  | { kind: 'drop' }
  | { kind: 'outage'; ms: number }
  | { kind: 'pause'; ms: number };

const clientOp = (kind: 'insert' | 'paragraph' | 'delete' | 'format' | 'unformat') =>
  fc.record({ kind: fc.constant(kind), client: fc.nat({ max: CLIENTS - 1 }), a: fc.nat(), b: fc.nat() });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: clientOp('insert') },
  { weight: 2, arbitrary: clientOp('paragraph') },
  { weight: 3, arbitrary: clientOp('delete') },
  { weight: 2, arbitrary: clientOp('format') },
  { weight: 1, arbitrary: clientOp('unformat') },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('outage' as const), ms: fc.integer({ min: 100, max: 800 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 60 }) }) },
);

const TOKEN = /\[c\d+k\d+\]/g;

/** The paragraphs' text nodes, in order; every paragraph is created with one. */
function textNodes(client: YClient): Y.XmlText[] {
  return client.fragment
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? node.toArray().filter((c): c is Y.XmlText => c instanceof Y.XmlText) : []));
}

function plain(text: Y.XmlText): string {
  return (text.toDelta() as Array<{ insert?: unknown }>).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
}

function newParagraph(content: string): Y.XmlElement {
  const text = new Y.XmlText();
  text.insert(0, content);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  return paragraph;
}

/**
 * One edit as a user would make it in this client's current view. Tokens are inserted only between
 * whole tokens and deleted only whole, so after convergence each one is present exactly once or,
 * if someone deleted it, not at all: anything else is lost or duplicated content.
 */
function applyEdit(op: Extract<Op, { client: number }>, client: YClient, token: string, deleted: Set<string>): void {
  const nodes = textNodes(client);
  if (op.kind === 'paragraph' || nodes.length === 0) {
    const count = client.fragment.length;
    client.fragment.insert(op.a % (count + 1), [newParagraph(token)]);
    return;
  }
  const node = nodes[op.a % nodes.length]!;
  const text = plain(node);
  const tokens = [...text.matchAll(TOKEN)];
  if (op.kind === 'insert') {
    const boundaries = [0, ...tokens.map((m) => m.index + m[0].length)];
    node.insert(boundaries[op.b % boundaries.length]!, token);
  } else if (op.kind === 'delete') {
    const victim = tokens[op.b % Math.max(1, tokens.length)];
    if (!victim) return;
    node.delete(victim.index, victim[0].length);
    deleted.add(victim[0]);
  } else {
    const start = op.b % (text.length + 1);
    const length = (op.a >> 3) % (text.length - start + 1);
    const mark = op.a % 2 === 0 ? 'bold' : 'italic';
    node.format(start, length, { [mark]: op.kind === 'format' ? {} : null });
  }
}

interface RunResult {
  docName: string;
  content: string;
  ops: number;
  tokens: number;
  deleted: number;
  stats: FaultyProxyStats;
  convergeMs: number;
}

describe('convergence through a network that delays, reorders and drops', () => {
  const dir = tempDir('dalil-converge-');
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await killIfRunning(server);
    dir.remove();
  });

  it(`${RUNS} fast-check runs of ${CLIENTS} clients: identical documents, nothing lost or doubled, same after a restart from disk`, async () => {
    const demo = await spawnDemoServer(dir.path);
    server = demo.server;
    const { api, cookie } = demo;
    const guide = await api.createGuide('Guide convergence');
    const upstream = `ws://127.0.0.1:${server.port}`;
    const results: RunResult[] = [];

    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.array(opArb, { minLength: 40, maxLength: MAX_OPS, size: 'max' }), async (proxySeed, ops) => {
        const section = await api.createSection(guide.id, `Run ${results.length + 1}`);
        const proxy = await FaultyProxy.start(upstream, { seed: proxySeed, maxDelayMs: 40, dropProbability: 0.02 });
        const clients = Array.from({ length: CLIENTS }, () => connectClient(`${proxy.url}/collab`, section.docName, { cookie }));
        const outages: NodeJS.Timeout[] = [];
        try {
          await Promise.all(clients.map((c) => c.synced()));
          const inserted: string[] = [];
          const deleted = new Set<string>();
          for (const op of ops) {
            if (op.kind === 'drop') proxy.dropRandom();
            else if (op.kind === 'outage') {
              proxy.setDown(true);
              outages.push(setTimeout(() => proxy.setDown(false), op.ms));
            } else if (op.kind === 'pause') await sleep(op.ms);
            else {
              const token = `[c${op.client}k${inserted.length}]`;
              const before = inserted.length;
              applyEdit(op, clients[op.client]!, token, deleted);
              if (plainAll(clients[op.client]!).includes(token)) inserted.push(token);
              if (inserted.length === before && op.kind !== 'delete' && op.kind !== 'format' && op.kind !== 'unformat') {
                throw new Error(`insert of ${token} did not happen`);
              }
            }
            // Lets the network move between edits; without it, all edits would be one local burst.
            await sleep(3);
          }

          outages.forEach(clearTimeout);
          proxy.heal();
          const healedAt = Date.now();
          const direct = connectClient(`${upstream}/collab`, section.docName, { cookie });
          try {
            await waitFor(
              'every client and the server hold the same document',
              () => {
                if (!direct.provider.synced || !clients.every((c) => c.provider.synced && c.provider.wsconnected)) return false;
                const reference = direct.fragment.toJSON();
                return clients.every((c) => c.fragment.toJSON() === reference);
              },
              { timeoutMs: 20_000 },
            );
            const convergeMs = Date.now() - healedAt;
            const content = direct.fragment.toJSON();
            const sv = Y.encodeStateVector(direct.doc);
            for (const c of clients) expect(Buffer.from(Y.encodeStateVector(c.doc))).toEqual(Buffer.from(sv));

            const text = plainAll(direct);
            const counts = new Map<string, number>();
            for (const m of text.matchAll(TOKEN)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
            expect([...counts].filter(([, n]) => n > 1), 'duplicated tokens').toEqual([]);
            expect(inserted.filter((t) => !deleted.has(t) && !counts.has(t)), 'lost tokens').toEqual([]);
            expect([...deleted].filter((t) => counts.has(t)), 'deleted tokens that came back').toEqual([]);
            expect([...counts.keys()].filter((t) => !inserted.includes(t)), 'tokens nobody wrote').toEqual([]);
            results.push({
              docName: section.docName,
              content,
              ops: ops.length,
              tokens: inserted.length,
              deleted: deleted.size,
              stats: { ...proxy.stats },
              convergeMs,
            });
          } finally {
            direct.destroy();
          }
        } finally {
          outages.forEach(clearTimeout);
          clients.forEach((c) => c.destroy());
          await proxy.close();
        }
      }),
      // Timing is real, so a failing case does not replay exactly: report it instead of shrinking for minutes.
      { numRuns: RUNS, seed: 7_2026, endOnFailure: true },
    );

    const total = (key: keyof FaultyProxyStats) => results.reduce((s, r) => s + r.stats[key], 0);
    expect(total('reordered'), 'the proxy did reorder messages').toBeGreaterThan(0);
    expect(total('drops') + total('refused'), 'the proxy did cut connections').toBeGreaterThan(0);

    // A fresh client of a server restarted from the files on disk sees the same documents.
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    for (const r of results) expect((await docOnDisk(dir.path, r.docName)).warnings).toEqual([]);
    server = await spawnServer(dir.path, {}, server.port);
    for (const r of results) {
      const reader = connectClient(server.wsUrl, r.docName, { cookie });
      try {
        await reader.synced();
        expect(reader.fragment.toJSON(), r.docName).toBe(r.content);
      } finally {
        reader.destroy();
      }
    }
    console.log(
      `convergence fuzz: ${results.length} runs, ${results.reduce((s, r) => s + r.ops, 0)} ops, ` +
        `${results.reduce((s, r) => s + r.tokens, 0)} tokens (${results.reduce((s, r) => s + r.deleted, 0)} deleted), ` +
        `${total('messages')} messages, ${total('reordered')} reordered, ${total('drops')} random cuts, ` +
        `${total('refused')} refused during outages, converged in ${results.map((r) => r.convergeMs).join(', ')} ms after healing`,
    );
  }, SOAK ? 900_000 : 90_000);
});

function plainAll(client: YClient): string {
  return textNodes(client).map(plain).join('\n');
}
