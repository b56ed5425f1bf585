import * as Y from 'yjs';

/**
 * True when everything in `local` (inserts and deletions) is contained in `saved`.
 * A state vector alone is not enough: deletions do not advance Yjs clocks, so a client that only
 * deleted text would never see its change reported as saved.
 */
export function isSnapshotCovered(local: Y.Snapshot, saved: Y.Snapshot): boolean {
  for (const [client, clock] of local.sv) {
    if ((saved.sv.get(client) ?? 0) < clock) return false;
  }
  for (const [client, items] of local.ds.clients) {
    const savedItems = saved.ds.clients.get(client);
    for (const item of items) {
      if (!savedItems || !rangeCovered(savedItems, item.clock, item.clock + item.len)) return false;
    }
  }
  return true;
}

/** Delete-set items are sorted and merged, so one covering item must contain the whole range. */
function rangeCovered(items: Array<{ clock: number; len: number }>, from: number, to: number): boolean {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid]!;
    if (item.clock + item.len <= from) lo = mid + 1;
    else if (item.clock > from) hi = mid - 1;
    else return item.clock + item.len >= to;
  }
  return false;
}
