import { useEffect, type RefObject } from 'react';

/** While `active`, calls `onOutside` when the pointer goes down outside `root` (closing a menu or a popover). */
export function useClickOutside(root: RefObject<HTMLElement | null>, active: boolean, onOutside: () => void): void {
  useEffect(() => {
    if (!active) return;
    const listener = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) onOutside();
    };
    document.addEventListener('mousedown', listener);
    return () => document.removeEventListener('mousedown', listener);
  }, [active, root, onOutside]);
}
