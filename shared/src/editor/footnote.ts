import { Node, mergeAttributes } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
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
        ({ tr, dispatch }) => {
          const node = this.type.create({ text });
          if (!dispatch) return true;
          tr.replaceSelectionWith(node, false);
          // an empty note is selected at once, so its text can be typed in place
          if (!text) {
            const pos = tr.selection.from - node.nodeSize;
            if (pos >= 0 && tr.doc.nodeAt(pos)?.type === this.type) tr.setSelection(NodeSelection.create(tr.doc, pos));
          }
          dispatch(tr.scrollIntoView());
          return true;
        },
    };
  },
});
