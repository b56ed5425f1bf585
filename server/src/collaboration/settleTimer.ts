/**
 * Calls `settle` once changes have paused for `quietMs`, and at least every `maxWaitMs` while they
 * go on (so a section typed in without a pause still gets fresh word counts). One timer per quiet
 * period, not one per change: `touch` runs on every keystroke of every member.
 */
export class SettleTimer {
  private timer: NodeJS.Timeout | null = null;
  private firstChangeAt = 0;
  private lastChangeAt = 0;

  constructor(
    private readonly quietMs: number,
    private readonly maxWaitMs: number,
    private readonly settle: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** A change happened. */
  touch(): void {
    this.lastChangeAt = this.now();
    if (this.timer) return;
    this.firstChangeAt = this.lastChangeAt;
    this.arm(this.quietMs);
  }

  /** Settles now (a document leaving memory), whether or not changes are pending. */
  flush(): void {
    this.cancel();
    this.settle();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => this.check(), ms);
    this.timer.unref();
  }

  private check(): void {
    this.timer = null;
    const now = this.now();
    const quietFor = now - this.lastChangeAt;
    const waitedFor = now - this.firstChangeAt;
    if (quietFor >= this.quietMs || waitedFor >= this.maxWaitMs) {
      this.settle();
      return;
    }
    this.arm(Math.min(this.quietMs - quietFor, this.maxWaitMs - waitedFor));
  }
}
