/**
 * `tsx support/profileSummary.ts <file.cpuprofile> [top]`: self and total time per function of a
 * `node --cpu-prof` profile (the profiles `BENCH_CPU_PROF=1 pnpm bench` leaves in bench/results/profiles).
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const top = Number(topArg ?? 25);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^.*node_modules\/\.pnpm\/([^/]+)\/node_modules\//, '$1 ').replace(/^file:\/\/.*\/(server|tests)\//, '$1/');
  return `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const total = new Map<string, number>();
for (const [id, us] of selfUs) {
  const n = byId.get(id)!;
  self.set(label(n), (self.get(label(n)) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (seen.has(l)) continue;
    seen.add(l);
    total.set(l, (total.get(l) ?? 0) + us);
  }
}
const wall = (profile.endTime - profile.startTime) / 1000;
const idle = [...self].filter(([l]) => l.startsWith('(idle)')).reduce((s, [, us]) => s + us, 0) / 1000;
console.log(`${file}: ${wall.toFixed(0)} ms profiled, ${(wall - idle).toFixed(0)} ms busy`);
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [l, us] of [...m].filter(([l]) => !l.startsWith('(idle)') && !l.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms  ${l}`);
  }
};
print('self time', self);
print('total time (inclusive)', total);
