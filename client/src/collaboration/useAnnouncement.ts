import { useEffect, useRef } from 'react';

/**
 * Runs `onChange` whenever the guide room announces a new version (the first one seen included: it
 * may be newer than what the page loaded just before the room connected).
 */
export function useAnnouncement(version: number | null, onChange: () => void): void {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    if (version !== null) callback.current();
  }, [version]);
}
