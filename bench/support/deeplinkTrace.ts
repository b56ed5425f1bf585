/**
 * `[CPU_SLOWDOWN=4] tsx support/deeplinkTrace.ts [cold|warm|warm2|http3] [mobile|loopback] [clientDist]`: one section deep link load
 * (the `deeplink` scenario's setup) recorded as a Chromium performance trace, then summarised: where the
 * renderer's main thread spent its time until the editor was editable (exclusive time per trace event),
 * the long tasks, how each script was compiled (streamed? code cache consumed?) and the CPU samples per
 * script and function. The raw trace goes to bench/results/traces/ (open it in DevTools' Performance tab).
 *
 * A profiling tool, not a benchmark: tracing itself slows the page down; compare traces, not times.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../../tests/e2e/support/browser.ts';
import { loadOnce, newProfile, prepare, untilOfflineShell } from '../scenarios/deeplink.ts';
import { BenchSession, repoRoot, resultsDir } from './benchSession.ts';

const [kind = 'warm', link = 'mobile', distArg] = process.argv.slice(2);
/** `CPU_SLOWDOWN=4`: the traced load with DevTools' CPU throttling (the bench's slow-CPU warm row). */
const cpuSlowdown = Number(process.env.CPU_SLOWDOWN ?? 1);
const clientDist = resolve(distArg ?? join(repoRoot, 'client/dist'));
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
  'loading',
  'toplevel',
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const bench = new BenchSession(false);
let trace: Buffer | null = null;
let editableMs = 0;
if (kind === 'summary') {
  // `summary <trace.json> <editable ms>`: the summary of a trace recorded before
  trace = readFileSync(link);
  editableMs = Number(distArg);
} else try {
  const { server } = await bench.dalil('trace', { env: { CLIENT_DIST: clientDist } });
  const scenario = await prepare(server);
  const browser = await launchBrowser();
  try {
    const context = await newProfile(browser, scenario, kind === 'http3' ? 'block' : 'allow');
    // warm: the bench's warm load (first with the service worker); warm2: the load after it
    if (kind.startsWith('warm')) {
      await loadOnce(context, scenario, link === 'mobile');
      await untilOfflineShell(context, scenario);
    }
    // warmN: the Nth load the service worker serves (where V8's code cache may apply)
    const warmth = kind.startsWith('warm') ? Number(kind.slice(4) || 1) : 0;
    for (let i = 1; i < warmth; i++) await loadOnce(context, scenario, link === 'mobile');
    // http3: the third load from the HTTP cache alone (service workers blocked), where V8's code cache applies
    if (kind === 'http3') for (let i = 0; i < 2; i++) await loadOnce(context, scenario, link === 'mobile');
    const run = await loadOnce(context, scenario, link === 'mobile', {
      beforeNavigation: (page) => browser.startTracing(page, { categories: CATEGORIES }),
      afterEditable: async () => {
        trace = await browser.stopTracing();
      },
    }, cpuSlowdown);
    editableMs = run.timeToEditableMs;
    await context.close();
  } finally {
    await browser.close();
  }
} finally {
  await bench.close();
}

const dir = join(resultsDir, 'traces');
mkdirSync(dir, { recursive: true });
const file = kind === 'summary' ? link : join(dir, `deeplink-${kind}-${link}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
if (kind !== 'summary') writeFileSync(file, trace!);
const events = (JSON.parse(trace!.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
console.log(`trace: ${file}\n${kind} ${link}: editable at ${editableMs} ms`);
summarise(events, editableMs);

function summarise(all: TraceEvent[], editable: number): void {
  const threadNames = new Map<string, string>();
  for (const e of all) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args!.name);
  // the page's renderer: the process the browser committed the deep link to; time 0: the browser's
  // navigation start (what the bench's performance.now() counts from)
  const committed = all.find((e) => e.name === 'FrameCommittedInBrowser' && String(e.args?.data?.url ?? '').includes('/sections/'));
  const start = all.find((e) => e.name.startsWith('PageLoadMetrics.NavigationTo') && String(e.args?.page_load?.url ?? '').includes('/sections/'));
  if (!committed || !start) throw new Error('the deep link navigation is not in the trace');
  const nav = { pid: committed.args!.data.processId as number };
  const t0 = start.ts;
  const end = t0 + editable * 1000;
  const rel = (ts: number): number => Math.round((ts - t0) / 1000);
  const main = all.filter((e) => e.pid === nav.pid && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain');
  const complete = main.filter((e) => e.ph === 'X' && e.ts >= t0 && e.ts < end).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

  // exclusive time per event name (nesting by time on the one thread)
  const self = new Map<string, number>();
  const stack: Array<{ e: TraceEvent; end: number; child: number }> = [];
  const close = (upTo: number): void => {
    while (stack.length && stack.at(-1)!.end <= upTo) {
      const top = stack.pop()!;
      self.set(top.e.name, (self.get(top.e.name) ?? 0) + (top.e.dur ?? 0) - top.child);
      if (stack.length) stack.at(-1)!.child += top.e.dur ?? 0;
    }
  };
  let busy = 0;
  for (const e of complete) {
    close(e.ts);
    if (!stack.length) busy += e.dur ?? 0;
    stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  console.log(`\nrenderer main thread, 0 → ${editable} ms: busy ${Math.round(busy / 1000)} ms (top-level tasks)`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);

  console.log('\nlong tasks (≥ 50 ms):');
  for (const e of complete.filter((x) => x.name === 'RunTask' && (x.dur ?? 0) >= 50_000)) {
    const inside = complete.filter((c) => c !== e && c.ts >= e.ts && c.ts + (c.dur ?? 0) <= e.ts + (e.dur ?? 0) && (c.dur ?? 0) >= 10_000);
    const what = inside.slice(0, 4).map((c) => `${c.name}${describe(c)} ${Math.round((c.dur ?? 0) / 1000)}`).join(' › ');
    console.log(`  ${String(rel(e.ts)).padStart(6)} ms  ${String(Math.round((e.dur ?? 0) / 1000)).padStart(5)} ms  ${what}`);
  }

  console.log('\nscript compilation (all threads of the renderer):');
  const compiles = all.filter((e) => e.pid === nav.pid && e.ts >= t0 && e.ts < end && /^v8\.(compile|compileModule|produceCache|produceModuleCache|deserializeScript)$/.test(e.name));
  const perUrl = new Map<string, { ms: number; notes: Set<string> }>();
  for (const e of compiles) {
    const d = e.args?.data ?? e.args?.fileName ? e.args : {};
    const data = (e.args?.data ?? {}) as Record<string, unknown>;
    const url = String(data.url ?? e.args?.fileName ?? d?.fileName ?? '?').replace(/^https?:\/\/[^/]+/, '');
    if (!url.includes('/assets/') && url !== '?') continue;
    const entry = perUrl.get(url) ?? { ms: 0, notes: new Set<string>() };
    entry.ms += (e.dur ?? 0) / 1000;
    const note = [e.name, data.streamed === true ? 'streamed' : data.notStreamedReason ? `not streamed (${data.notStreamedReason})` : '', data.consumedCacheSize ? `cache consumed ${data.consumedCacheSize} B` : '', data.cacheRejected ? 'cache rejected' : '', data.producedCacheSize ? `cache produced ${data.producedCacheSize} B` : '', data.cacheProduceOptions ? `produce ${data.cacheProduceOptions}` : '', data.cacheConsumeOptions ? `consume ${data.cacheConsumeOptions}` : '', data.eager ? 'eager' : '']
      .filter(Boolean)
      .join(', ');
    entry.notes.add(note);
    perUrl.set(url, entry);
  }
  for (const [url, { ms, notes }] of [...perUrl].sort((a, b) => b[1].ms - a[1].ms)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${url}  [${[...notes].join(' | ')}]`);

  cpuSamples(all, nav.pid, t0, end);
  const longest = complete.filter((x) => x.name === 'RunTask' || x.name === 'ThreadControllerImpl::RunTask').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  if (process.env.TRACE_INCLUSIVE) {
    console.log('\n0 → editable: inclusive time per function');
    cpuSamples(all, nav.pid, t0, end, true);
  }
  if (longest) {
    console.log(`\nthe longest task (${rel(longest.ts)} ms, ${Math.round((longest.dur ?? 0) / 1000)} ms): inclusive time per function`);
    cpuSamples(all, nav.pid, longest.ts, longest.ts + (longest.dur ?? 0), true);
  }
}

function describe(e: TraceEvent): string {
  const data = e.args?.data as Record<string, unknown> | undefined;
  const url = data?.url ?? data?.fileName ?? e.args?.fileName;
  if (url) return `(${String(url).replace(/^https?:\/\/[^/]+/, '')})`;
  if (data?.type) return `(${String(data.type)})`;
  if (data?.functionName) return `(${String(data.functionName)})`;
  return '';
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber?: number; columnNumber?: number };
}

/** Self time per script and per function from the trace's sampling profiler (ProfileChunk events). */
function cpuSamples(all: TraceEvent[], pid: number, t0: number, end: number, inclusiveOnly = false): void {
  const chunks = all.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk'));
  const byId = new Map<string, { start: number; nodes: Map<number, ProfileNode>; samples: Array<{ ts: number; node: number }>; last: number }>();
  for (const e of chunks) {
    const key = String(e.id);
    if (e.name === 'Profile') {
      byId.set(key, { start: e.args!.data.startTime, nodes: new Map(), samples: [], last: e.args!.data.startTime });
      continue;
    }
    const p = byId.get(key);
    if (!p) continue;
    const data = e.args!.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] };
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((node, i) => {
      p.last += deltas[i] ?? 0;
      p.samples.push({ ts: p.last, node });
    });
  }
  const perScript = new Map<string, number>();
  const perFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const p of byId.values()) {
    for (let i = 0; i < p.samples.length; i++) {
      const s = p.samples[i]!;
      if (s.ts < t0 || s.ts >= end) continue;
      const next = p.samples[i + 1]?.ts ?? s.ts;
      const us = Math.min(next - s.ts, 10_000);
      const node = p.nodes.get(s.node);
      if (!node) continue;
      const url = (node.callFrame.url ?? '').replace(/^https?:\/\/[^/]+/, '') || `(${node.callFrame.functionName || 'native'})`;
      perScript.set(url, (perScript.get(url) ?? 0) + us);
      const fn = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber ?? 0}:${node.callFrame.columnNumber ?? 0}`;
      perFunction.set(fn, (perFunction.get(fn) ?? 0) + us);
      const onStack = new Set<string>();
      for (let n: ProfileNode | undefined = node; n; n = n.parent === undefined ? undefined : p.nodes.get(n.parent)) {
        onStack.add(`${n.callFrame.functionName || '(anonymous)'} ${(n.callFrame.url ?? '').replace(/^https?:\/\/[^/]+/, '')}:${n.callFrame.lineNumber ?? 0}:${n.callFrame.columnNumber ?? 0}`);
      }
      for (const f of onStack) inclusive.set(f, (inclusive.get(f) ?? 0) + us);
    }
  }
  if (inclusiveOnly) {
    for (const [fn, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TRACE_TOP ?? 45))) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${fn}`);
    return;
  }
  console.log('\nCPU samples, self time per script:');
  for (const [url, us] of [...perScript].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${url}`);
  console.log('\nCPU samples, self time per function:');
  for (const [fn, us] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${fn}`);
}
