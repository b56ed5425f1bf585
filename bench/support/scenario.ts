import type { BenchSession } from './benchSession.ts';
import type { Row } from './table.ts';

/** What one scenario adds to the run: its table rows and the raw numbers behind them (results JSON). */
export interface ScenarioResult {
  rows: Row[];
  /** Merged into the results file's `details` (keys are the scenario's own, e.g. `largeGuide`). */
  details: Record<string, unknown>;
}

/** One benchmark scenario; `name` is what `BENCH_ONLY` selects. */
export interface Scenario {
  name: string;
  run(bench: BenchSession): Promise<ScenarioResult> | ScenarioResult;
}
