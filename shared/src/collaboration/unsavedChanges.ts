import type * as Y from 'yjs';

/**
 * How many changes of `local` the server has not confirmed in `saved`: every character (or other
 * Yjs element: paragraph, formatting step) inserted that `saved` does not have, plus every one the
 * server had that was erased without `saved` knowing. Erasing something the server never had adds
 * nothing: its insertion is already counted. Zero exactly when `isSnapshotCovered(local, saved)`.
 */
export function countUnsavedChanges(local: Y.Snapshot, saved: Y.Snapshot): number {
  let count = 0;
  for (const [client, clock] of local.sv) {
    count += Math.max(0, clock - (saved.sv.get(client) ?? 0));
  }
  for (const [client, items] of local.ds.clients) {
    const serverClock = saved.sv.get(client) ?? 0;
    const savedItems = saved.ds.clients.get(client) ?? [];
    for (const item of items) {
      const to = Math.min(item.clock + item.len, serverClock);
      if (to > item.clock) count += to - item.clock - coveredLength(savedItems, item.clock, to);
    }
  }
  return count;
}

/** Length of [from, to) inside the sorted, merged ranges of a delete set. */
function coveredLength(items: ReadonlyArray<{ clock: number; len: number }>, from: number, to: number): number {
  // first range that ends after `from`
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.clock + items[mid]!.len <= from) lo = mid + 1;
    else hi = mid;
  }
  let covered = 0;
  for (let i = lo; i < items.length && items[i]!.clock < to; i++) {
    const item = items[i]!;
    covered += Math.min(to, item.clock + item.len) - Math.max(from, item.clock);
  }
  return covered;
}
