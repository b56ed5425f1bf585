// Preloaded into the server under test (NODE_OPTIONS=--import=<this file>) by scenarios that measure
// how long the server's event loop stalls. Each SIGUSR2 writes what was seen since the previous one
// to BENCH_LOOP_DELAY_FILE (ms, with a sequence number) and starts over.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_LOOP_DELAY_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let seq = 0;
  process.on('SIGUSR2', () => {
    const ms = (ns) => Number((ns / 1e6).toFixed(2));
    seq += 1;
    writeFileSync(file, JSON.stringify({ seq, p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), count: histogram.count }));
    histogram.reset();
  });
}
