import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The parts of the bar whose sizes decide how many items fit. */
export interface PriorityBarRefs {
  /** The whole bar: its width is what is shared. */
  bar: RefObject<HTMLElement | null>;
  /** Shown whole when it can be (at most `titleShare` of the bar), before any item. */
  title: RefObject<HTMLElement | null>;
  /** Other fixed parts (presence). */
  fixed: Array<RefObject<HTMLElement | null>>;
  /** The "more" button: only shown, and only taking room, when some item does not fit. */
  more: RefObject<HTMLElement | null>;
}

/** Until the "more" button was seen, its width is guessed (a short word and an icon). */
const MORE_GUESS = 96;

const GAP_FALLBACK = 8;

/**
 * "Priority plus" navigation: shows inline as many of `keys` (in priority order) as fit beside the
 * title and fixed parts, and reports how many, so the rest goes into a menu. Items are measured
 * while shown (marked `data-bar-item={key}`) and their widths remembered, so a wider window brings
 * them back without showing everything first; a change of language (other words, other widths)
 * shows them all once to measure again. The decision is taken before the browser paints.
 */
export function usePriorityOverflow(keys: readonly string[], refs: PriorityBarRefs, remeasureKey: string, titleShare = 0.5): number {
  const [visible, setVisible] = useState(keys.length);
  const widths = useRef(new Map<string, number>());
  const measuredFor = useRef(remeasureKey);
  const moreWidth = useRef(MORE_GUESS);
  const keyList = keys.join('|');

  const fit = useCallback(() => {
    const bar = refs.bar.current;
    if (!bar) return;
    for (const item of bar.querySelectorAll<HTMLElement>('[data-bar-item]')) {
      widths.current.set(item.dataset.barItem!, item.getBoundingClientRect().width);
    }
    if (keys.some((key) => !widths.current.has(key))) {
      setVisible(keys.length);
      return;
    }
    const style = getComputedStyle(bar);
    const gap = Number.parseFloat(style.columnGap) || GAP_FALLBACK;
    const total = bar.clientWidth;
    const title = refs.title.current;
    // the title's width on one line, up to its share (beyond it, it wraps onto a second line)
    const titleWidth = title ? Math.min(oneLineWidth(title), total * titleShare) : 0;
    const fixedWidth = refs.fixed.reduce((sum, ref) => sum + (ref.current ? ref.current.getBoundingClientRect().width + gap : 0), 0);
    const more = refs.more.current;
    if (more && !more.hidden) moreWidth.current = more.getBoundingClientRect().width || moreWidth.current;
    const fitting = (room: number) => {
      let count = 0;
      for (const key of keys) {
        const need = widths.current.get(key)! + gap;
        if (need > room) break;
        room -= need;
        count += 1;
      }
      return count;
    };
    const room = total - titleWidth - fixedWidth;
    const all = fitting(room);
    setVisible(all === keys.length ? all : fitting(room - moreWidth.current - gap));
    // keys and refs are stable per render; keyList stands for keys
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyList, refs]);

  // a new language or title: show every item once to measure it again
  useLayoutEffect(() => {
    if (measuredFor.current === remeasureKey) return;
    measuredFor.current = remeasureKey;
    widths.current.clear();
    setVisible(keys.length);
    // keyList stands for keys
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [remeasureKey, keyList]);

  // Sizes are read when a ResizeObserver reports them, right after the browser's own layout, never
  // by forcing one: measuring in a layout effect after every render laid out the whole page (the
  // open section's text included) again each time anything re-rendered while a guide opened. The
  // observer runs before paint; flushSync renders its decision in the same frame, so the bar never
  // shows every item first. The bar's parts (title, presence, the items' row, "more") take their
  // contents' widths: a label that grows resizes its row.
  useLayoutEffect(() => {
    const bar = refs.bar.current;
    if (!bar || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => flushSync(fit));
    observer.observe(bar);
    for (const part of bar.children) observer.observe(part);
    return () => observer.disconnect();
  }, [fit, refs.bar]);

  return Math.min(visible, keys.length);
}

let measuringContext: CanvasRenderingContext2D | null = null;

/** The width an element's text takes on one line in its own font, plus its inline padding and border. */
function oneLineWidth(element: HTMLElement): number {
  const style = getComputedStyle(element);
  measuringContext ??= document.createElement('canvas').getContext('2d');
  const extra =
    Number.parseFloat(style.paddingInlineStart) + Number.parseFloat(style.paddingInlineEnd) + Number.parseFloat(style.borderInlineStartWidth) + Number.parseFloat(style.borderInlineEndWidth);
  if (!measuringContext) return element.scrollWidth + extra;
  measuringContext.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return Math.ceil(measuringContext.measureText(element.textContent ?? '').width + extra + 2);
}
