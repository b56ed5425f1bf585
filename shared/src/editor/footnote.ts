import { Node, mergeAttributes } from '@tiptap/core';
import type { ParsedElement } from './domElement.ts';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote marker holding its note's text at the cursor. */
      insertFootnote: (text?: string) => ReturnType;
    };
  }
}

/**
 * A footnote (source, legal reference): an inline marker that carries the note's text as an
 * attribute. It holds no number: numbers are computed per guide from the order of markers
 * (see numbering.ts), so they never go stale after a move or a deletion.
 */
export const Footnote = Node.create({
  name: 'footnote',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      text: {
        default: '',
        parseHTML: (el: ParsedElement) => el.getAttribute('data-note') ?? el.getAttribute('title') ?? el.textContent ?? '',
        renderHTML: (a: { text: string }) => ({ 'data-note': a.text }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-footnote]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { 'data-footnote': '', class: 'footnote' })];
  },

  renderText() {
    return '';
  },

  addCommands() {
    return {
      insertFootnote:
        (text = '') =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text } }),
    };
  },
});
