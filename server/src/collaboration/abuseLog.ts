import { RateBudget } from './rateBudget.ts';

export interface AbuseLogger {
  info(obj: object, msg: string): void;
}

/** Each socket's first refused input is logged, then every hundredth. */
const EVERY_NTH_PER_SOCKET = 100;
/** Across all sockets, at most this many lines at once, then one a second (plus a count of what was left out). */
const PROCESS_BURST = 20;
const PROCESS_PER_SECOND = 1;

/**
 * Where refused socket input (malformed or oversized frames, presence abuse) is logged: at info
 * level, one line without a stack trace, rate-limited per socket and across the process, so that
 * any signed-in user cannot flood the log by sending garbage.
 */
export class AbuseLog {
  private readonly perSocket = new WeakMap<object, number>();
  private readonly budget = new RateBudget(PROCESS_BURST, PROCESS_PER_SECOND);
  private suppressed = 0;

  note(logger: AbuseLogger, socket: object, details: { doc?: string; kind: string; detail: string }): void {
    const count = (this.perSocket.get(socket) ?? 0) + 1;
    this.perSocket.set(socket, count);
    if (count !== 1 && count % EVERY_NTH_PER_SOCKET !== 0) return;
    if (!this.budget.take()) {
      this.suppressed += 1;
      return;
    }
    const suppressed = this.suppressed;
    this.suppressed = 0;
    logger.info({ ...details, countOnSocket: count, ...(suppressed > 0 ? { suppressedElsewhere: suppressed } : {}) }, 'refused input from a socket');
  }
}
