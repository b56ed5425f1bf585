import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SettleTimer } from '@dalil/server/collaboration/settleTimer.ts';

describe('SettleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const make = () => {
    const calls: number[] = [];
    const timer = new SettleTimer(100, 1000, () => calls.push(Date.now()));
    return { timer, calls };
  };

  it('settles once changes have paused for the quiet delay, not while they go on', () => {
    const { timer, calls } = make();
    const start = Date.now();
    for (let i = 0; i < 5; i++) {
      timer.touch();
      vi.advanceTimersByTime(60);
    }
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(39);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([start + 340]);
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(1);
  });

  it('settles at the latest after the maximum wait when changes never pause', () => {
    const { timer, calls } = make();
    const start = Date.now();
    for (let i = 0; i < 60; i++) {
      timer.touch();
      vi.advanceTimersByTime(50);
    }
    // Changes every 50 ms for 3 s: one settle per maximum wait (1 s), none in between.
    expect(calls).toEqual([start + 1000, start + 2000, start + 3000]);
  });

  it('flush settles at once and leaves nothing armed', () => {
    const { timer, calls } = make();
    timer.touch();
    timer.flush();
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(1);
  });
});
