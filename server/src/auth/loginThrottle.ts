/**
 * Per-account brake on password guessing (the per-IP limit is @fastify/rate-limit's job): after
 * `freeAttempts` failures an account is locked for a delay that doubles with each further failure.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly freeAttempts = 5,
    private readonly baseLockMs = 30_000,
    private readonly maxLockMs = 15 * 60_000,
  ) {}

  /** Milliseconds the account must still wait, or 0. */
  retryAfterMs(account: string, now = Date.now()): number {
    const entry = this.failures.get(account);
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  recordFailure(account: string, now = Date.now()): void {
    const entry = this.failures.get(account) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= this.freeAttempts) {
      const lock = Math.min(this.baseLockMs * 2 ** (entry.count - this.freeAttempts), this.maxLockMs);
      entry.lockedUntil = now + lock;
    }
    this.failures.set(account, entry);
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value!);
  }

  recordSuccess(account: string): void {
    this.failures.delete(account);
  }
}
