import type { LayoutNode } from './layoutJson.ts';

/**
 * Figures without alt text, in reading order (their 1-based index among the section's figures):
 * a section cannot go to review while any remain, so every image is described for screen readers.
 * Placeholders (nothing uploaded) count too: they must be replaced or removed first.
 */
export function missingAltFigures(doc: LayoutNode): number[] {
  const out: number[] = [];
  let index = 0;
  const walk = (node: LayoutNode) => {
    if (node.type === 'figure') {
      index += 1;
      const alt = node.attrs?.alt;
      if (typeof alt !== 'string' || alt.trim() === '' || !node.attrs?.src) out.push(index);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(doc);
  return out;
}
