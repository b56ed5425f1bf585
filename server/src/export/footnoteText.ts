import type { LayoutNode } from '@dalil/shared/editor';
import { attr, plainText } from './layoutWalk.ts';

/** A footnote's text: its `text` attribute (older spellings accepted), else the text it holds. */
export function footnoteText(node: LayoutNode): string {
  for (const key of ['text', 'content', 'note']) {
    const value = attr(node, key);
    if (typeof value === 'string') return value;
  }
  return plainText(node);
}
