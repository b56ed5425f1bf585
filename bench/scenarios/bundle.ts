/** Client bundle: what the browser downloads first, and the editor chunk, gzipped (-9). */
import { join } from 'node:path';
import { repoRoot } from '../support/benchSession.ts';
import { measureBundle } from '../support/bundleSize.ts';
import { absoluteRow } from '../support/rows.ts';
import type { Scenario } from '../support/scenario.ts';

export const bundle: Scenario = {
  name: 'bundle',
  run() {
    const b = measureBundle(join(repoRoot, 'client/dist'));
    return {
      rows: [
        absoluteRow('client initial JS (gzip -9)', 'kB', b.initialGzipBytes / 1000, null, 150, 1),
        absoluteRow('client editor chunk (gzip -9)', 'kB', b.editorGzipBytes / 1000, null, 250, 1),
      ],
      details: { bundle: b },
    };
  },
};
