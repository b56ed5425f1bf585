import { Node, mergeAttributes } from '@tiptap/core';
import type { ParsedElement } from './domElement.ts';
import { isCalloutKind, type CalloutKind } from './calloutKinds.ts';

export interface CalloutAttributes {
  kind: CalloutKind;
  /** Case-study header fields (empty when unused or for other kinds). */
  place: string;
  actors: string;
  period: string;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    callout: {
      /** Wraps the selected blocks in a box of that kind (or turns the enclosing box into that kind). */
      setCallout: (kind: CalloutKind) => ReturnType;
      /** Takes the content out of the enclosing box. */
      unsetCallout: () => ReturnType;
    };
  }
}

const text = (name: string) => ({
  default: '',
  parseHTML: (el: ParsedElement) => el.getAttribute(`data-${name}`) ?? '',
  renderHTML: (a: Record<string, string>) => (a[name] ? { [`data-${name}`]: a[name] } : {}),
});

/**
 * A box of a given kind (good practice, case study, vigilance point, reflex, testimony) around rich
 * content. No label is stored: the label and icon are drawn from the kind in the reader's language.
 * Boxes do not nest.
 */
export const Callout = Node.create({
  name: 'callout',
  group: 'block',
  content: '(paragraph | heading | bulletList | orderedList | blockquote | table | figure)+',
  defining: true,
  draggable: true,

  addAttributes() {
    return {
      kind: {
        default: 'goodPractice',
        parseHTML: (el: ParsedElement) => {
          const kind = el.getAttribute('data-callout');
          return isCalloutKind(kind) ? kind : 'goodPractice';
        },
        renderHTML: (a: CalloutAttributes) => ({ 'data-callout': a.kind }),
      },
      place: text('place'),
      actors: text('actors'),
      period: text('period'),
    };
  },

  parseHTML() {
    return [{ tag: 'aside[data-callout]' }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ['aside', mergeAttributes(HTMLAttributes, { class: `callout callout--${node.attrs.kind}` }), 0];
  },

  addCommands() {
    return {
      setCallout:
        (kind) =>
        ({ state, commands }) => {
          const { $from } = state.selection;
          for (let depth = $from.depth; depth > 0; depth -= 1) {
            if ($from.node(depth).type.name === this.name) return commands.updateAttributes(this.name, { kind });
          }
          return commands.wrapIn(this.name, { kind });
        },
      unsetCallout:
        () =>
        ({ commands }) =>
          commands.lift(this.name),
    };
  },
});
