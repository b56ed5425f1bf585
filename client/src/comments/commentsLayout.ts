import { useMediaQuery } from '../hooks/useMediaQuery.ts';

/**
 * Wide enough for the comments beside the text (comments.css and guide.css use the same width).
 * Narrower, the threads open in a sheet over the bottom of the text instead of a list after it.
 */
export const SIDE_BY_SIDE = '(min-width: 1180px)';

/** True when the screen is too narrow for the comments beside the text (phones, tablets). */
export function useNarrowCommentsLayout(): boolean {
  return !useMediaQuery(SIDE_BY_SIDE);
}
