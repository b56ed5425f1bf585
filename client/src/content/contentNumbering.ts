import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as PmNode } from '@tiptap/pm/model';
import type { NumberedCounts } from '@dalil/shared/editor';

/** Spec carried by the numbering decorations; node views read `number` from it. */
export interface NumberSpec {
  numbered: true;
  number: number;
}

interface NumberingState {
  offset: NumberedCounts;
  decorations: DecorationSet;
}

export const contentNumberingKey = new PluginKey<NumberingState>('contentNumbering');

const ZERO: NumberedCounts = { figure: 0, table: 0, footnote: 0 };

function decorate(doc: PmNode, offset: NumberedCounts): DecorationSet {
  const running = { ...offset };
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    const name = node.type.name;
    if (name === 'figure' || name === 'table' || name === 'footnote') {
      running[name] += 1;
      decorations.push(Decoration.node(pos, pos + node.nodeSize, {}, { numbered: true, number: running[name] } satisfies NumberSpec));
    }
    // text never holds what we number: do not walk into it
    return !node.isTextblock || node.type.name === 'paragraph' || node.type.name === 'heading';
  });
  return DecorationSet.create(doc, decorations);
}

/** The number a node view was given by the numbering plugin (0 when unknown). */
export function numberFromDecorations(decorations: readonly Decoration[]): number {
  for (const decoration of decorations) {
    const spec = decoration.spec as Partial<NumberSpec>;
    if (spec.numbered) return spec.number ?? 0;
  }
  return 0;
}

/** Tells the plugin how many figures, tables and footnotes come before this section in the guide. */
export function setNumberingOffset(state: EditorState, offset: NumberedCounts) {
  return state.tr.setMeta(contentNumberingKey, offset).setMeta('addToHistory', false);
}

/** Whether the editor already numbers from `offset` (a new editor, the first section: zero). */
export function numbersFrom(state: EditorState, offset: NumberedCounts): boolean {
  const current = contentNumberingKey.getState(state)?.offset;
  return current !== undefined && current.figure === offset.figure && current.table === offset.table && current.footnote === offset.footnote;
}

/**
 * Numbers figures, tables and footnotes in the editor as far as it can know: in the order of this
 * section, after those of the sections before it (their counts come from the table of contents).
 * Numbers are decorations, never stored, so they follow every edit and move.
 */
export const ContentNumbering = Extension.create({
  name: 'contentNumbering',
  addProseMirrorPlugins() {
    return [
      new Plugin<NumberingState>({
        key: contentNumberingKey,
        state: {
          init: (_, state) => ({ offset: ZERO, decorations: decorate(state.doc, ZERO) }),
          apply: (tr, previous, _old, state) => {
            const offset = (tr.getMeta(contentNumberingKey) as NumberedCounts | undefined) ?? previous.offset;
            if (!tr.docChanged && offset === previous.offset) return previous;
            return { offset, decorations: decorate(state.doc, offset) };
          },
        },
        props: {
          decorations: (state) => contentNumberingKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
