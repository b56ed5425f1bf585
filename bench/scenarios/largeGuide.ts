/**
 * Large guide (`BENCH_ONLY=guide`): 200 sections of ~1,500 words written, unloaded, then opened from
 * disk one after the other; open times and memory with everything loaded and after unloading.
 */
import { closeAll } from '../support/clients.ts';
import { memoryOf } from '../support/processes.ts';
import { absoluteRow, ratioRow } from '../support/rows.ts';
import type { Scenario } from '../support/scenario.ts';
import { openSectionsOneByOne, writeDurably, writeSectionContent, writeThenLeave } from '../support/sectionContent.ts';
import { inParallel, mib, sleep, summarize, until } from '../support/stats.ts';

const GUIDE_SECTIONS = 200;
const WORDS_PER_SECTION = 1500;

export const largeGuide: Scenario = {
  name: 'guide',
  async run(bench) {
    // Dalil at debug level: the server logs how long each document took to open, and each unload.
    bench.log(`large guide: creating ${GUIDE_SECTIONS} sections via REST and writing ~${WORDS_PER_SECTION} words each`);
    const { server: d } = await bench.dalil('guide', { probe: true });
    const names = await (await bench.signIn(d)).createSections(GUIDE_SECTIONS, 'Chapitre');
    await inParallel(names, 8, (name, i) =>
      writeDurably(d, name, (doc) => writeSectionContent(doc.getXmlFragment('default'), WORDS_PER_SECTION, i + 1)),
    );
    const unloaded = () => new Set(d.probeEvents.filter((e) => e.kind === 'unloaded').map((e) => e.doc));
    await until('every section unloaded after writing', () => names.every((n) => unloaded().has(n)), 60_000, 50);
    await sleep(500);
    const rssBefore = memoryOf(d.pid).rss;
    bench.log('large guide: opening every section from disk, one client each, one after the other');
    d.probeEvents.length = 0;
    const opened = await openSectionsOneByOne(d, names);
    await sleep(1000);
    const rssLoaded = memoryOf(d.pid).rss;
    const serverOpen = d.probeEvents.flatMap((e) => (e.kind === 'open' ? [e] : []));
    closeAll(opened.clients);
    await until('every section unloaded after closing', () => names.every((n) => unloaded().has(n)), 60_000, 50);
    await sleep(1000);
    const rssAfter = memoryOf(d.pid).rss;
    const hwm = memoryOf(d.pid).hwm;
    await bench.stop(d);

    // Reference: same content, written the same way (it cannot say "saved": wait for the socket to drain).
    bench.log('large guide: reference');
    const r = await bench.reference('guide');
    const refNames = names.map((_, i) => `guide-section-${i}`);
    await inParallel(refNames, 8, (name, i) =>
      writeThenLeave(r, name, (doc) => writeSectionContent(doc.getXmlFragment('default'), WORDS_PER_SECTION, i + 1)),
    );
    await sleep(500);
    const refRssBefore = memoryOf(r.pid).rss;
    const refOpened = await openSectionsOneByOne(r, refNames);
    await sleep(1000);
    const refRssLoaded = memoryOf(r.pid).rss;
    closeAll(refOpened.clients);
    await sleep(2500);
    const refRssAfter = memoryOf(r.pid).rss;
    await bench.stop(r);

    const dClient = summarize(opened.clientMs);
    const rClient = summarize(refOpened.clientMs);
    const dServer = summarize(serverOpen.map((e) => e.totalMs));
    return {
      rows: [
        ratioRow('open section client p50 (Dalil cold from disk, ref in memory)', 'ms', dClient.p50, rClient.p50, undefined, 2),
        ratioRow('open section client p95', 'ms', dClient.p95, rClient.p95, undefined, 2),
        absoluteRow('open section server side p50', 'ms', dServer.p50, null, 50),
        absoluteRow('open section server side p99', 'ms', dServer.p99, null, 50),
        absoluteRow('open section server side max', 'ms', dServer.max, null, undefined),
        ratioRow('guide RSS, 200 sections loaded', 'MiB', mib(rssLoaded), mib(refRssLoaded), undefined, 1),
        ratioRow('guide RSS after unload', 'MiB', mib(rssAfter), mib(refRssAfter), undefined, 1),
      ],
      details: {
        largeGuide: {
          sections: GUIDE_SECTIONS,
          wordsPerSection: WORDS_PER_SECTION,
          dalil: {
            clientOpenMs: dClient,
            serverOpenMs: dServer,
            serverLoadMs: summarize(serverOpen.map((e) => e.loadMs)),
            serverAttachMs: summarize(serverOpen.map((e) => e.attachMs)),
            rssBeforeOpenMiB: mib(rssBefore),
            rssAllLoadedMiB: mib(rssLoaded),
            rssAfterUnloadMiB: mib(rssAfter),
            peakRssMiB: mib(hwm),
          },
          reference: {
            clientOpenMs: rClient,
            rssBeforeOpenMiB: mib(refRssBefore),
            rssAllLoadedMiB: mib(refRssLoaded),
            rssAfterClientsLeftMiB: mib(refRssAfter),
            note: 'in memory: the reference never unloads; its opens are warm',
          },
        },
      },
    };
  },
};
