/** Dark enough for white caret labels (contrast ≥ 4.5:1), distinct enough side by side. */
const PALETTE = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4338ca', '#9f1239', '#3f6212', '#6d28d9', '#a16207'];

/**
 * The same person gets the same colour on every device, without storing anything: the client
 * paints avatars and carets with it, the server gives it to presence that names no colour.
 */
export function colorForUser(userId: string): string {
  let hash = 0x811c9dc5; // FNV-1a: spreads similar ids across the palette
  for (const ch of userId) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
