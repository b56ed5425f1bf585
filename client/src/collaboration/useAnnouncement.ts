import { useEffect, useRef } from 'react';

/**
 * Runs `onChange` once whenever any of the guide room's announced versions changes (the first ones
 * seen included: they may be newer than what the page loaded just before the room connected).
 */
export function useAnnouncement(versions: ReadonlyArray<number | null>, onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  const key = versions.join('|');
  useEffect(() => {
    if (versions.some((v) => v !== null)) callback.current();
    // the key stands for the versions
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}
