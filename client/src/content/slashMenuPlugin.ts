import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';

/** Where the "/" query is in the text, or null when no menu is open. */
export interface SlashState {
  active: boolean;
  /** Position of the "/" itself. */
  from: number;
  query: string;
  index: number;
  /** A "/" at this position was dismissed with Escape: keep the menu closed for it. */
  dismissedAt: number | null;
}

export const slashMenuKey = new PluginKey<SlashState>('slashMenu');

const CLOSED: SlashState = { active: false, from: 0, query: '', index: 0, dismissedAt: null };
// a "/" at the start of a block or after a space, then a few letters (any script), nothing else
const TRIGGER = /(?:^|\s)\/([\p{L}\p{N} ]{0,24})$/u;

type SlashMeta = { type: 'move'; delta: number; count: number } | { type: 'dismiss' } | { type: 'close' };

function detect(state: EditorState, previous: SlashState): SlashState {
  const { selection } = state;
  if (!selection.empty) return { ...CLOSED, dismissedAt: previous.dismissedAt };
  const $from = selection.$from;
  if (!$from.parent.isTextblock || $from.parent.type.name === 'codeBlock') return { ...CLOSED, dismissedAt: previous.dismissedAt };
  const before = $from.parent.textBetween(Math.max(0, $from.parentOffset - 40), $from.parentOffset, undefined, '\ufffc');
  const match = TRIGGER.exec(before);
  if (!match || match[1]!.endsWith('  ')) return { ...CLOSED, dismissedAt: null };
  const from = $from.pos - match[1]!.length - 1;
  if (previous.dismissedAt === from) return { ...CLOSED, dismissedAt: from };
  const query = match[1]!;
  return { active: true, from, query, index: previous.active && previous.query === query ? previous.index : 0, dismissedAt: null };
}

export interface SlashMenuOptions {
  /** How many items the current query shows (for arrow-key wrapping). */
  count: (query: string) => number;
  /** Runs the chosen item; the "/query" text has already been deleted. */
  choose: (query: string, index: number) => void;
}

/**
 * The "/" menu's state machine: typing "/" at the start of a block or after a space opens it,
 * letters filter it, arrows move, Enter or Tab inserts, Escape closes. The list itself is drawn
 * by the SlashMenu component, which reads this plugin's state.
 */
export const SlashMenu = Extension.create<SlashMenuOptions>({
  name: 'slashMenu',
  addOptions() {
    return { count: () => 0, choose: () => undefined };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<SlashState>({
        key: slashMenuKey,
        state: {
          init: () => CLOSED,
          apply: (tr, previous, _old, state) => {
            const meta = tr.getMeta(slashMenuKey) as SlashMeta | undefined;
            if (meta?.type === 'move') return { ...previous, index: (previous.index + meta.delta + meta.count) % Math.max(1, meta.count) };
            if (meta?.type === 'dismiss') return { ...CLOSED, dismissedAt: previous.from };
            if (meta?.type === 'close') return CLOSED;
            if (!tr.docChanged && !tr.selectionSet) return previous;
            // only the local person's typing opens the menu, never a collaborator's change
            if (tr.getMeta('y-sync$') && !previous.active) return previous;
            return detect(state, previous);
          },
        },
        props: {
          handleKeyDown(view, event) {
            const state = slashMenuKey.getState(view.state);
            if (!state?.active) return false;
            const count = options.count(state.query);
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              if (count === 0) return false;
              view.dispatch(view.state.tr.setMeta(slashMenuKey, { type: 'move', delta: event.key === 'ArrowDown' ? 1 : -1, count }));
              return true;
            }
            if (event.key === 'Escape') {
              view.dispatch(view.state.tr.setMeta(slashMenuKey, { type: 'dismiss' }));
              return true;
            }
            if ((event.key === 'Enter' || event.key === 'Tab') && count > 0) {
              chooseSlashItem(view.state, (tr) => view.dispatch(tr), state.index, options.choose);
              return true;
            }
            return false;
          },
        },
      }),
    ];
  },
});

/** Deletes the "/query" text and runs the chosen item. */
export function chooseSlashItem(
  state: EditorState,
  dispatch: (tr: EditorState['tr']) => void,
  index: number,
  choose: (query: string, index: number) => void,
): void {
  const slash = slashMenuKey.getState(state);
  if (!slash?.active) return;
  dispatch(state.tr.delete(slash.from, state.selection.from).setMeta(slashMenuKey, { type: 'close' }));
  choose(slash.query, index);
}
