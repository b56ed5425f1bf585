/**
 * Metadata as it fills (`BENCH_ONLY=metadata`): the cost of one metadata change (create a section,
 * post a comment that mentions someone) with 500 and with 20,000 sections across 100 guides, and
 * how long the server's event loop (which also relays every keystroke) stalls meanwhile. The data
 * dir is filled before the server starts (guide files with their sections, threads and workflow
 * history); the changes then go through the REST API one after the other, round-robin over the
 * guides, each timed from request to reply (a reply comes once the change is fsynced). Both sizes
 * are served at once and their changes alternate, so both meet the same load on a shared machine.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Api } from '../../tests/helpers/api.ts';
import { BENCH_EMAIL, BENCH_PASSWORD } from '../support/dalilSetup.ts';
import { seedMetadata, type SeededMetadata } from '../support/metadataSeed.ts';
import { absoluteRow, ratioRow } from '../support/rows.ts';
import type { BenchSession } from '../support/benchSession.ts';
import type { BenchServer } from '../support/processes.ts';
import type { Scenario } from '../support/scenario.ts';
import { round, summarize, until, type Summary } from '../support/stats.ts';

const GUIDES = 100;
const SIZES = [500, 20_000];
const CHANGES_PER_KIND = 80;
const WARMUP = 10;
/** The target: a change at 20,000 sections costs at most this many times what it costs at 500. */
const GROWTH_LIMIT = 1.5;

const probeModule = resolve(import.meta.dirname, '../support/eventLoopProbe.mjs');

interface SizeResult {
  sections: number;
  metadataBytes: number;
  createSectionMs: Summary;
  postCommentMs: Summary;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
}

export const metadata: Scenario = {
  name: 'metadata',
  async run(bench) {
    // Both sizes run at once, their changes interleaved one by one: on a shared machine whose load
    // swings from one minute to the next, each size then meets the same conditions.
    const setups = [];
    for (const sections of SIZES) setups.push(await prepare(bench, sections));
    try {
      for (let i = 0; i < WARMUP; i++) {
        for (const s of setups) {
          await s.createSection(i);
          await s.postComment(i);
        }
      }
      for (const s of setups) await loopDelay(s.server, s.loopFile, 0); // starts the histograms over
      for (let i = 0; i < CHANGES_PER_KIND; i++) {
        for (const s of setups) s.create.push(await timed(() => s.createSection(WARMUP + i)));
        for (const s of setups) s.comment.push(await timed(() => s.postComment(WARMUP + i)));
      }
      const results: SizeResult[] = [];
      for (const s of setups) {
        results.push({
          sections: s.sections,
          metadataBytes: s.seed.bytes,
          createSectionMs: roundSummary(summarize(s.create)),
          postCommentMs: roundSummary(summarize(s.comment)),
          eventLoopDelayMs: await loopDelay(s.server, s.loopFile, 1),
        });
      }
      const [small, large] = results as [SizeResult, SizeResult];
      const label = (n: number) => n.toLocaleString('en');
      return {
        rows: [
          absoluteRow(`metadata: create section p50 at ${label(small.sections)} sections`, 'ms', small.createSectionMs.p50, null),
          ratioRow(`metadata: create section p50 at ${label(large.sections)} (ref: at ${label(small.sections)})`, 'ms', large.createSectionMs.p50, small.createSectionMs.p50, GROWTH_LIMIT),
          ratioRow(`metadata: create section p99 at ${label(large.sections)} (ref: at ${label(small.sections)})`, 'ms', large.createSectionMs.p99, small.createSectionMs.p99),
          absoluteRow(`metadata: post comment p50 at ${label(small.sections)} sections`, 'ms', small.postCommentMs.p50, null),
          ratioRow(`metadata: post comment p50 at ${label(large.sections)} (ref: at ${label(small.sections)})`, 'ms', large.postCommentMs.p50, small.postCommentMs.p50, GROWTH_LIMIT),
          ratioRow(`metadata: post comment p99 at ${label(large.sections)} (ref: at ${label(small.sections)})`, 'ms', large.postCommentMs.p99, small.postCommentMs.p99),
          ratioRow(`metadata: event-loop delay p99 during changes at ${label(large.sections)} (ref: at ${label(small.sections)})`, 'ms', large.eventLoopDelayMs.p99, small.eventLoopDelayMs.p99),
          ratioRow(`metadata: event-loop delay max during changes at ${label(large.sections)} (ref: at ${label(small.sections)})`, 'ms', large.eventLoopDelayMs.max, small.eventLoopDelayMs.max),
        ],
        details: { metadata: { guides: GUIDES, changesPerKind: CHANGES_PER_KIND, interleaved: true, sizes: results } },
      };
    } finally {
      for (const s of setups) {
        await bench.stop(s.server);
        rmSync(s.loopFile, { force: true });
      }
    }
  },
};

interface SizeSetup {
  sections: number;
  server: BenchServer;
  loopFile: string;
  seed: SeededMetadata;
  createSection(i: number): Promise<unknown>;
  postComment(i: number): Promise<unknown>;
  create: number[];
  comment: number[];
}

/** A server on a data dir filled with `sections` sections across the guides, signed in. */
async function prepare(bench: BenchSession, sections: number): Promise<SizeSetup> {
  const loopFile = join(tmpdir(), `dalil-bench-loop-${process.pid}-${sections}.json`);
  rmSync(loopFile, { force: true });
  let seeded: SeededMetadata | null = null;
  bench.log(`metadata: ${sections} sections across ${GUIDES} guides`);
  const { server } = await bench.dalil(
    `metadata-${sections}`,
    { env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${probeModule}`.trim(), BENCH_LOOP_DELAY_FILE: loopFile } },
    (dataDir) => {
      seeded = seedMetadata(dataDir, GUIDES, sections, BENCH_EMAIL);
    },
  );
  const seed = seeded as SeededMetadata | null;
  if (!seed) throw new Error('the data dir was not seeded');
  const api = new Api(server.url);
  await api.login(BENCH_EMAIL, BENCH_PASSWORD);
  const guideAt = (i: number) => seed.guideIds[i % seed.guideIds.length]!;
  return {
    sections,
    server,
    loopFile,
    seed,
    create: [],
    comment: [],
    createSection: (i) => api.ok('POST', `/api/guides/${guideAt(i)}/sections`, { title: `Nouvelle section ${i}` }),
    postComment: (i) => {
      const guideId = guideAt(i);
      return api.ok('POST', `/api/guides/${guideId}/threads/${seed.threadOf.get(guideId)}/messages`, {
        body: `Relu, voir la remarque ${i} sur le calendrier.`,
        mentions: [seed.mentionOf.get(guideId)!],
      });
    },
  };
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Asks the server's probe for its event-loop delay since the previous ask (and to start over). */
async function loopDelay(server: BenchServer, file: string, previousSeq: number): Promise<{ p50: number; p99: number; max: number }> {
  server.child.kill('SIGUSR2');
  let report: { seq: number; p50: number; p99: number; max: number } | null = null;
  await until(
    'the event-loop probe to report',
    () => {
      if (!existsSync(file)) return false;
      try {
        report = JSON.parse(readFileSync(file, 'utf8')) as { seq: number; p50: number; p99: number; max: number };
      } catch {
        return false; // being written
      }
      return report.seq > previousSeq;
    },
    10_000,
    20,
  );
  const { p50, p99, max } = report!;
  return { p50, p99, max };
}

function roundSummary(s: Summary): Summary {
  return { count: s.count, p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max), mean: round(s.mean) };
}
