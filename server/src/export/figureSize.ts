/** Share of the text width a figure takes for each size the editor offers. */
const SIZE_SHARE: Record<string, number> = { small: 0.4, medium: 0.7, large: 1, full: 1 };

export function figureWidthPx(size: unknown, textWidthPx: number): number {
  const share = typeof size === 'string' ? (SIZE_SHARE[size] ?? 0.7) : typeof size === 'number' && size > 0 && size <= 100 ? size / 100 : 0.7;
  return Math.round(textWidthPx * share);
}

export function figureWidthPercent(size: unknown): number {
  return Math.round(figureWidthPx(size, 100));
}
