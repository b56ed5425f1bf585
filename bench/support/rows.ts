import { round } from './stats.ts';
import type { Row } from './table.ts';

/** A row with the Dalil/reference ratio and, when `factor` is set, the target "≤ factor × reference". */
export function ratioRow(metric: string, unit: string, d: number, r: number | null, factor?: number, digits = 2): Row {
  const ratio = r ? d / r : null;
  return {
    metric,
    unit,
    dalil: round(d, digits),
    reference: r === null ? null : round(r, digits),
    ratio: ratio === null ? null : round(ratio, 2),
    target: factor === undefined ? null : `≤ ${factor}× ref`,
    pass: factor === undefined || ratio === null ? null : ratio <= factor,
  };
}

/** A row whose target, when `limit` is set, is an absolute bound on Dalil's value. */
export function absoluteRow(metric: string, unit: string, d: number, r: number | null, limit?: number, digits = 2): Row {
  return {
    metric,
    unit,
    dalil: round(d, digits),
    reference: r === null ? null : round(r, digits),
    ratio: r ? round(d / r, 2) : null,
    target: limit === undefined ? null : `≤ ${limit} ${unit}`,
    pass: limit === undefined ? null : d <= limit,
  };
}

/** The row standing for a scenario that threw: it fails, so `pnpm bench` exits non-zero. */
export function errorRow(scenario: string, err: unknown): Row {
  const message = err instanceof Error ? err.message : String(err);
  return { metric: `${scenario}: ERROR ${message.split('\n')[0]}`, unit: '', dalil: null, reference: null, ratio: null, target: null, pass: false };
}
