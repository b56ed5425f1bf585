import { waitFor } from '../../tests/helpers/waitFor.ts';
/** Nearest-rank percentile of unsorted samples (copied and sorted here). */
export function percentiles(samples: number[], ps: number[]): number[] {
  if (samples.length === 0) return ps.map(() => NaN);
  const sorted = Float64Array.from(samples).sort();
  return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!);
}

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: number[]): Summary {
  const [p50, p95, p99, max] = percentiles(samples, [50, 95, 99, 100]);
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { count: samples.length, p50: p50!, p95: p95!, p99: p99!, max: max!, mean };
}

export const round = (x: number, digits = 2): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
export const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);
export { sleep } from '../../tests/helpers/waitFor.ts';

/** Polls `check` every `intervalMs` until truthy; throws after `timeoutMs`. */
export async function until(what: string, check: () => boolean, timeoutMs: number, intervalMs = 5): Promise<void> {
  await waitFor(what, check, { timeoutMs, intervalMs });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Runs `task` over `items`, at most `concurrency` at a time. */
export async function inParallel<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
