import { readdirSync, readFileSync } from 'node:fs';
import { processCpuMs } from '../../tests/helpers/processCpu.ts';

/** The ids of running processes whose command line contains every one of `parts`. */
export function pidsWithCommandLine(...parts: string[]): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (parts.every((p) => cmdline.includes(p))) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * CPU time (user + system, ms) of the given processes and all their descendants now running, from
 * /proc: e.g. a PostgreSQL postmaster and its backends. A backend that exited meanwhile takes its
 * time with it, so compare readings taken while the same connections are open.
 */
export function treeCpuMs(roots: number[]): number {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; p = parentOf.get(p) ?? 0, hops++) if (roots.includes(p)) return true;
    return false;
  };
  let total = 0;
  for (const pid of parentOf.keys()) if (inTree(pid)) total += processCpuMs(pid) ?? 0;
  return total;
}
