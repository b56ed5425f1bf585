export interface Row {
  metric: string;
  unit: string;
  dalil: number | string | null;
  reference: number | string | null;
  ratio: number | null;
  target: string | null;
  /** null: no target for this row. */
  pass: boolean | null;
}

const cell = (v: number | string | null, unit = ''): string =>
  v === null ? '–' : typeof v === 'number' ? `${v.toLocaleString('en-US')}${unit ? ' ' + unit : ''}` : v;

/** A Markdown table: metric | Dalil | reference | ratio | target | pass/fail. */
export function formatTable(rows: Row[]): string {
  const header = ['metric', 'Dalil', 'reference', 'ratio', 'target', 'pass/fail'];
  const body = rows.map((r) => [
    r.metric,
    cell(r.dalil, r.unit),
    cell(r.reference, r.unit),
    r.ratio === null ? '–' : `${r.ratio}×`,
    r.target ?? '–',
    r.pass === null ? '–' : r.pass ? 'pass' : '**FAIL**',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
