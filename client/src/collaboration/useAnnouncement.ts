import { useEffect, useRef } from 'react';

/**
 * Runs `onChange` once whenever any of `versions` differs from what it was at the last call, never
 * for the values at mount (the page loaded with them). A room version still null at mount that
 * arrives later does count: it may be newer than what the page loaded before the room connected.
 */
export function useAnnouncement(versions: ReadonlyArray<number | null>, onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  const key = versions.join('|');
  const seen = useRef(key);
  useEffect(() => {
    if (key === seen.current) return;
    seen.current = key;
    callback.current();
  }, [key]);
}

/**
 * Runs `onChange` when any of `versions` changes from one announced value to another, but not when
 * a version first arrives (null → value): that is the room's state at connection, which whatever
 * the callback refreshes loaded by itself moments before (the notification bell does on mount).
 */
export function useLaterAnnouncement(versions: ReadonlyArray<number | null>, onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  const key = versions.join('|');
  const previous = useRef<ReadonlyArray<number | null>>(versions);
  useEffect(() => {
    const before = previous.current;
    previous.current = versions;
    if (versions.some((value, i) => value !== null && before[i] !== null && before[i] !== value)) callback.current();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
