/**
 * Preloaded into the Dalil server process by the large-guide benchmark (`node --import tsx --import
 * serverProbe.ts server.ts`): wraps two methods of the unchanged server to time, inside the server,
 * how long opening a section takes, and to report unloads. Prints `BENCH_PROBE <json>` lines.
 *
 * Server-side open time = from `RoomRegistry.acquire` (called synchronously by the /collab upgrade
 * handler) to the end of the `Connection.attach` that follows it (sync step 1 sent and the client's
 * queued sync step 1 answered with the whole document). Same module URLs as the server's imports,
 * so these are the server's own classes.
 */
import { performance } from 'node:perf_hooks';
import { RoomRegistry } from '../../server/src/collaboration/roomRegistry.ts';
import { Connection } from '../../server/src/collaboration/connection.ts';

const emit = (event: object) => process.stdout.write(`BENCH_PROBE ${JSON.stringify(event)}\n`);

type AnyFn = (...args: unknown[]) => unknown;
const registryProto = RoomRegistry.prototype as unknown as Record<string, AnyFn>;
const connectionProto = Connection.prototype as unknown as Record<string, AnyFn>;

const acquire = registryProto.acquire!;
const attach = connectionProto.attach!;
const unload = registryProto.unload!;
/** Start of the acquire a connection is waiting for, keyed by document; attach reads it. */
const startedAt = new Map<string, number[]>();
const loadedAt = new Map<string, number>();

registryProto.acquire = function (this: unknown, ...args: unknown[]) {
  const name = args[0] as string;
  const t0 = performance.now();
  const list = startedAt.get(name) ?? [];
  list.push(t0);
  startedAt.set(name, list);
  const result = acquire.apply(this, args) as Promise<unknown>;
  void result.then(() => loadedAt.set(name, performance.now()), () => {});
  return result;
};

connectionProto.attach = function (this: { docName: string }, ...args: unknown[]) {
  const result = attach.apply(this, args);
  const t1 = performance.now();
  const t0 = startedAt.get(this.docName)?.shift();
  const loaded = loadedAt.get(this.docName);
  if (t0 !== undefined && loaded !== undefined) {
    emit({ kind: 'open', doc: this.docName, loadMs: loaded - t0, attachMs: t1 - loaded, totalMs: t1 - t0 });
  }
  return result;
};

registryProto.unload = async function (this: { get(name: string): unknown }, ...args: unknown[]) {
  const room = args[0] as { name: string };
  await unload.apply(this, args);
  if (this.get(room.name) === undefined) emit({ kind: 'unloaded', doc: room.name });
};
