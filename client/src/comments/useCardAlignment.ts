import { useCallback, useEffect, useLayoutEffect, type DependencyList, type RefObject } from 'react';
import { SIDE_BY_SIDE } from './commentsLayout.ts';

const GAP = 10;

/**
 * Places each card level with its anchor in the text when there is room, pushing later cards down
 * when they would overlap. Cards are in document order; `anchorOf` finds the highlighted text of a
 * thread. Placement reads layout, so it runs only when `deps` say the text or the cards changed,
 * and when the panel is resized. `enabled` is false while the panel is not beside the text (its
 * list is then elsewhere, in the narrow layout's sheet, or not shown).
 */
export function useCardAlignment(list: RefObject<HTMLElement | null>, anchorOf: (threadId: string) => HTMLElement | null, enabled: boolean, deps: DependencyList): void {
  const place = useCallback(() => {
    const container = list.current;
    if (!container) return;
    const cards = [...container.querySelectorAll<HTMLElement>(':scope > [data-thread-card]')];
    if (!window.matchMedia(SIDE_BY_SIDE).matches) {
      for (const card of cards) card.style.marginBlockStart = '';
      return;
    }
    // All reads first, then all writes: one layout, not one per card. Margins do not change where
    // the anchors (in the text) are, nor the cards' own heights.
    const origin = container.getBoundingClientRect().top;
    const measured = cards.map((card) => ({
      card,
      anchorTop: anchorOf(card.dataset.threadCard ?? '')?.getBoundingClientRect().top ?? null,
      height: card.offsetHeight,
    }));
    let bottom = 0;
    for (const { card, anchorTop, height } of measured) {
      const wanted = anchorTop === null ? bottom : anchorTop - origin;
      const margin = Math.max(bottom === 0 ? 0 : GAP, wanted - bottom);
      card.style.marginBlockStart = `${margin}px`;
      bottom += margin + height;
    }
  }, [list, anchorOf]);

  // eslint-disable-next-line react-hooks/exhaustive-deps
  useLayoutEffect(place, [place, enabled, ...deps]);

  useEffect(() => {
    const container = list.current;
    if (!container || !enabled) return undefined;
    const observer = new ResizeObserver(place);
    observer.observe(container);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [list, place, enabled]);
}
