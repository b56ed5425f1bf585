/** Share of the text width a figure takes for each size the editor offers. */
// the editor's sizes (shared FIGURE_SIZES): whole text width, half of it, or small beside the text
const SIZE_SHARE: Record<string, number> = { full: 1, half: 0.5, inline: 0.3 };

export function figureWidthPx(size: unknown, textWidthPx: number): number {
  const share = typeof size === 'string' ? (SIZE_SHARE[size] ?? 1) : 1;
  return Math.round(textWidthPx * share);
}

export function figureWidthPercent(size: unknown): number {
  return Math.round(figureWidthPx(size, 100));
}
