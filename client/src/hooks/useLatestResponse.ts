import { useCallback, useEffect, useRef } from 'react';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * "Latest response wins" for loads that can overlap (refresh on an announcement, on focus, after a
 * change of parameters): `latest(load)` resolves with the outcome of `load` only if no later call
 * started meanwhile and the component is still mounted, and with null otherwise, so that a slow,
 * older response never overwrites a newer one.
 */
export function useLatestResponse(): <T>(load: () => Promise<T>) => Promise<Outcome<T> | null> {
  const ticket = useRef(0);
  useEffect(
    () => () => {
      ticket.current++;
    },
    [],
  );
  return useCallback(async <T,>(load: () => Promise<T>): Promise<Outcome<T> | null> => {
    const mine = ++ticket.current;
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: await load() };
    } catch (error) {
      outcome = { ok: false, error };
    }
    return mine === ticket.current ? outcome : null;
  }, []);
}
