/** Idle connections: memory per open but quiet WebSocket, 500 of them over 50 sections. */
import { closeAll, openMany } from '../support/clients.ts';
import { memoryOf, type BenchServer } from '../support/processes.ts';
import { ratioRow } from '../support/rows.ts';
import type { Scenario } from '../support/scenario.ts';
import { mib, round, sleep } from '../support/stats.ts';

const IDLE_SECTIONS = 50;
const IDLE_CONNECTIONS = 500;

async function measure(server: BenchServer, names: string[]) {
  await sleep(500);
  const base = memoryOf(server.pid).rss;
  const first = await openMany(server, names, 25);
  await sleep(1500);
  const rssOnePerSection = memoryOf(server.pid).rss;
  const rest = await openMany(
    server,
    Array.from({ length: IDLE_CONNECTIONS - names.length }, (_, i) => names[i % names.length]!),
    25,
  );
  await sleep(2000);
  const rssAll = memoryOf(server.pid).rss;
  closeAll([...first, ...rest]);
  return { base, rssOnePerSection, rssAll, perConnection: (rssAll - rssOnePerSection) / (IDLE_CONNECTIONS - names.length) };
}

type Measured = Awaited<ReturnType<typeof measure>>;
const summary = (m: Measured) => ({
  baseMiB: mib(m.base),
  onePerSectionMiB: mib(m.rssOnePerSection),
  allMiB: mib(m.rssAll),
  perConnectionKiB: round(m.perConnection / 1024, 1),
});

export const idle: Scenario = {
  name: 'idle',
  async run(bench) {
    bench.log(`idle: ${IDLE_CONNECTIONS} connections over ${IDLE_SECTIONS} sections (Dalil)`);
    const { server: d } = await bench.dalil('idle');
    const names = await (await bench.signIn(d)).createSections(IDLE_SECTIONS, 'Idle');
    const dm = await measure(d, names);
    await bench.stop(d);
    bench.log('idle: reference');
    const r = await bench.reference('idle');
    const rm = await measure(r, names.map((_, i) => `idle-${i}`));
    await bench.stop(r);
    return {
      rows: [
        ratioRow(`RSS per idle connection (${IDLE_CONNECTIONS} over ${IDLE_SECTIONS} sections)`, 'KiB', dm.perConnection / 1024, rm.perConnection / 1024, undefined, 1),
        ratioRow('server RSS at start (no document loaded)', 'MiB', mib(dm.base), mib(rm.base), undefined, 1),
        ratioRow(`RSS with ${IDLE_CONNECTIONS} idle connections`, 'MiB', mib(dm.rssAll), mib(rm.rssAll), undefined, 1),
      ],
      details: {
        idle: {
          method: 'per connection = (RSS with 500 connections − RSS with one per section) / 450; RSS from /proc/<pid>/status',
          dalil: summary(dm),
          reference: summary(rm),
        },
      },
    };
  },
};
