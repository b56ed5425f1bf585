/** How wide a figure is laid out: the whole text width, half of it (floated), or inline-sized. */
export const FIGURE_SIZES = ['full', 'half', 'inline'] as const;
export type FigureSize = (typeof FIGURE_SIZES)[number];

export function isFigureSize(value: unknown): value is FigureSize {
  return typeof value === 'string' && (FIGURE_SIZES as readonly string[]).includes(value);
}

/**
 * Only uploaded images are referenced by a figure: a same-origin API path or an http(s) URL.
 * data: and file: sources are refused here so a base64 image can never enter the Y.Doc.
 */
export function isStorableImageSrc(src: unknown): src is string {
  return typeof src === 'string' && (/^\/api\//.test(src) || /^https?:\/\//i.test(src));
}
