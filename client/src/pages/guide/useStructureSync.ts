import { useEffect, useRef } from 'react';

/**
 * Refetches the guide when its room reports a structure version we have not loaded yet, which is
 * how a rename, add or move made elsewhere reaches this table of contents without a reload.
 * Each announced version triggers at most one refetch.
 */
export function useStructureSync(announced: number | null, loaded: number | null, refresh: () => Promise<void>): void {
  const handled = useRef<number | null>(null);
  useEffect(() => {
    if (announced === null || loaded === null) return;
    if (announced <= loaded || handled.current === announced) return;
    handled.current = announced;
    void refresh();
  }, [announced, loaded, refresh]);
}
