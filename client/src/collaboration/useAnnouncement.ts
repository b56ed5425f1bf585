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
