import type { BenchServer } from './processes.ts';
import { cpuTimeOf } from './processes.ts';
import { measurePropagation, type PropagationRun } from './editPropagation.ts';

/** One server in a propagation cell, with the document it uses in each round. */
export interface Contender {
  name: string;
  server: BenchServer;
  docName(round: number): string;
  /** Waits, after the server's round, for work the round left behind (so the next round is not charged for it). */
  afterRound?(round: number): Promise<void>;
}

export interface ContenderRuns {
  runs: PropagationRun[];
  /** Server CPU per round (connect + paced + burst), ms. */
  cpu: number[];
}

/**
 * Runs `rounds` rounds of one client count; in each round every contender runs once, in an order
 * rotated by one per round, so that drift on the machine hits all of them alike (with two, they
 * alternate; with three and a round count that is not a multiple of three, the rotation is uneven).
 */
export async function runPropagationCell(
  contenders: Contender[],
  clients: number,
  rounds: number,
  editsPerRound: number,
  paceMs: number,
  log: (line: string) => void,
): Promise<Map<string, ContenderRuns>> {
  const out = new Map(contenders.map((c) => [c.name, { runs: [], cpu: [] } as ContenderRuns]));
  for (let round = 0; round < rounds; round++) {
    log(`propagation: ${clients} clients, round ${round + 1}/${rounds}`);
    const order = contenders.map((_, i) => contenders[(i + round) % contenders.length]!);
    for (const c of order) {
      const cpu0 = cpuTimeOf(c.server.pid);
      const run = await measurePropagation(c.server, c.docName(round), clients, editsPerRound, paceMs, c.server.pid);
      const entry = out.get(c.name)!;
      entry.runs.push(run);
      entry.cpu.push(cpuTimeOf(c.server.pid) - cpu0);
      await c.afterRound?.(round);
    }
  }
  return out;
}
