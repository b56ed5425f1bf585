import { Table } from '@tiptap/extension-table';
import type { ParsedElement } from './domElement.ts';

/**
 * The guide's table: TipTap's table (header row, merge/split, Tab/Shift-Tab between cells) plus a
 * caption, stored as a plain-text attribute because a table's content can only be rows. Cells hold
 * blocks, so a paragraph inside takes the text direction of the guide (right-to-left in Arabic).
 */
export const GuideTable = Table.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      caption: {
        default: '',
        parseHTML: (element: ParsedElement) => element.querySelector(':scope > caption')?.textContent?.trim() ?? '',
        // rendered as a <caption> element by renderHTML below, not as an HTML attribute
        renderHTML: () => ({}),
      },
    };
  },

  renderHTML({ node, HTMLAttributes }) {
    const rendered = this.parent!({ node, HTMLAttributes }) as unknown as [string, Record<string, unknown>, ...unknown[]];
    const caption = String(node.attrs.caption ?? '');
    if (!caption) return rendered as never;
    const [tag, attrs, ...rest] = rendered;
    return [tag, attrs, ['caption', {}, caption], ...rest] as never;
  },
});
