import { useLayoutEffect, type RefObject } from 'react';

const GAP = 10;
/** Same breakpoint as comments.css: below it, the cards are a plain list under the text. */
const SIDE_BY_SIDE = '(min-width: 1180px)';

/**
 * Places each card level with its anchor in the text when there is room, pushing later cards down
 * when they would overlap (the active card wins its place, as in word processors).
 * Cards are in document order; `anchorOf` finds the highlighted text of a thread.
 */
export function useCardAlignment(
  list: RefObject<HTMLElement | null>,
  anchorOf: (threadId: string) => HTMLElement | null,
): void {
  // no dependency list: any render may have moved text or resized a card
  useLayoutEffect(() => {
    const container = list.current;
    if (!container) return undefined;
    const place = () => {
      const cards = [...container.querySelectorAll<HTMLElement>(':scope > [data-thread-card]')];
      for (const card of cards) card.style.marginBlockStart = '';
      if (!window.matchMedia(SIDE_BY_SIDE).matches) return;
      const origin = container.getBoundingClientRect().top;
      let bottom = 0;
      for (const card of cards) {
        const anchor = anchorOf(card.dataset.threadCard ?? '');
        const wanted = anchor ? anchor.getBoundingClientRect().top - origin : bottom;
        const margin = Math.max(bottom === 0 ? 0 : GAP, wanted - bottom);
        card.style.marginBlockStart = `${margin}px`;
        bottom += margin + card.offsetHeight;
      }
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(container);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  });
}
