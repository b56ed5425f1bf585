import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { DecorationSet, EditorView } from '@tiptap/pm/view';
import type { CreateSuggestionBody, SuggestedBlocks, SuggestedBlockType, SuggestedFormat, SuggestionView } from '@dalil/shared/api/suggestions.ts';
import { draftBody, type Draft, type PendingSuggestion } from './drafts.ts';
import { interceptEdit, type BlockProposal } from './interceptEdit.ts';
import { suggestionDecorations, type DrawnSuggestion } from './suggestionDecorations.ts';

/** A draft is sent once the suggester pauses this long (or leaves the editor). */
const DRAFT_IDLE_MS = 1200;

export interface SuggestionModeState {
  /** Local edits become suggestions instead of changing the text. */
  enabled: boolean;
  open: SuggestionView[];
  pending: PendingSuggestion[];
  draft: Draft | null;
}

type Meta = Partial<Pick<SuggestionModeState, 'enabled' | 'open' | 'pending'>> & { draft?: Draft | null };

export const suggestionModeKey = new PluginKey<SuggestionModeState>('suggestionMode');

export interface SuggestionModeOptions {
  userId: string;
  /** Starts in suggesting mode (contributors and reviewers have no other). */
  enabled: boolean;
  /** Sends a finished draft (the outbox keeps it while offline). */
  send: (body: CreateSuggestionBody) => void;
  /** An edit that cannot be suggested was refused. */
  onUnsupported: () => void;
  /** "Tableau 3 × 2": suggested blocks, one line each. */
  describeBlocks: (content: SuggestedBlocks['content']) => string;
  /** The suggester inserted whole blocks (a table, a figure, a box...): they are completed in the block composer, then sent. */
  onBlocks: (proposal: BlockProposal) => void;
  /** "Mettre en gras": shown over text a formatting suggestion covers. */
  formatLabel: (format: SuggestedFormat) => string;
  /** "Transformer en titre 2": shown on a block a block-type suggestion would change. */
  blockTypeLabel: (change: SuggestedBlockType) => string;
}

/** Sets what the plugin shows or whether it suggests, from outside the editor (React). */
export function setSuggestionMode(view: EditorView, meta: Meta): void {
  // A transaction redraws the view (1,500 words: tens of ms on a phone); a new editor is told
  // its mode and its (often empty) lists as it opens, which change nothing.
  const current = suggestionModeKey.getState(view.state);
  if (current && changesNothing(current, meta)) return;
  view.dispatch(view.state.tr.setMeta(suggestionModeKey, meta).setMeta('addToHistory', false));
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a === b || (a.length === 0 && b.length === 0);

function changesNothing(state: SuggestionModeState, meta: Meta): boolean {
  return (
    !('draft' in meta) &&
    (meta.enabled === undefined || meta.enabled === state.enabled) &&
    (meta.open === undefined || sameList(meta.open, state.open)) &&
    (meta.pending === undefined || sameList(meta.pending, state.pending))
  );
}

/**
 * Suggesting mode. Every local change to the document is refused before it applies and turned
 * into a draft suggestion drawn over the text; the draft is sent to the server once the suggester
 * pauses. The Y.Doc never sees the change, so nothing of it reaches the section (and the server
 * would drop it from a contributor anyway). The server's open suggestions are drawn the same way
 * for everyone, in or out of suggesting mode.
 */
export const SuggestionMode = Extension.create<SuggestionModeOptions>({
  name: 'suggestionMode',
  // before the read-only guard, which would refuse the edit without turning it into a suggestion
  priority: 1000,

  addOptions() {
    return { userId: '', enabled: false, send: () => undefined, onUnsupported: () => undefined, describeBlocks: () => '', onBlocks: () => undefined, formatLabel: (format: SuggestedFormat) => format.mark, blockTypeLabel: (change: SuggestedBlockType) => change.type };
  },

  addProseMirrorPlugins() {
    const options = this.options;
    let view: EditorView | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const sendDraft = (draft: Draft | null) => {
      const body = draft && draftBody(draft);
      if (body) options.send(body);
    };
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      const draft = view && suggestionModeKey.getState(view.state)?.draft;
      if (!view || !draft) return;
      setSuggestionMode(view, { draft: null });
      sendDraft(draft);
    };

    const drawnCache = new WeakMap<SuggestionModeState, { doc: EditorState['doc']; set: DecorationSet | null }>();
    const intercept = (tr: Transaction, state: EditorState): boolean => {
      const plugin = suggestionModeKey.getState(state);
      if (!plugin?.enabled || !tr.docChanged || isChangeOrigin(tr)) return true;
      // What plugins append (a trailing paragraph after a box that arrived...) is not the suggester's
      // doing: refused quietly, like every other local change.
      if (tr.getMeta('appendedTransaction')) return false;
      const outcome = interceptEdit(state, tr, plugin.draft);
      // the view is busy applying this transaction: change the plugin state right after
      queueMicrotask(() => {
        if (!view || outcome.kind === 'ignored') return;
        if (outcome.kind === 'unsupported') {
          options.onUnsupported();
          return;
        }
        sendDraft(outcome.flush);
        if (outcome.kind === 'blocks' || outcome.kind === 'format') {
          if (outcome.flush) {
            if (timer) clearTimeout(timer);
            timer = null;
            setSuggestionMode(view, { draft: null });
          }
          if (outcome.kind === 'blocks') options.onBlocks(outcome.proposal);
          else options.send(outcome.body);
          return;
        }
        const next = view.state.tr.setMeta(suggestionModeKey, { draft: outcome.draft }).setMeta('addToHistory', false);
        if (outcome.caret !== null) next.setSelection(TextSelection.create(next.doc, Math.min(outcome.caret, next.doc.content.size)));
        view.dispatch(next);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, DRAFT_IDLE_MS);
      });
      return false;
    };

    return [
      new Plugin<SuggestionModeState>({
        key: suggestionModeKey,
        state: {
          init: () => ({ enabled: options.enabled, open: [], pending: [], draft: null }),
          apply: (tr, value) => {
            const meta = tr.getMeta(suggestionModeKey) as Meta | undefined;
            let next = meta ? { ...value, ...meta } : value;
            // others' edits move the place where the draft is being typed
            if (tr.docChanged && next.draft?.expectAt !== undefined) next = { ...next, draft: { ...next.draft, expectAt: tr.mapping.map(next.draft.expectAt) } };
            return next;
          },
        },
        filterTransaction: intercept,
        props: {
          decorations(state) {
            const plugin = suggestionModeKey.getState(state);
            if (!plugin) return null;
            // asked on every view update, selection moves included: resolve the anchors again only
            // when the document or the suggestions changed
            const cached = drawnCache.get(plugin);
            if (cached?.doc === state.doc) return cached.set;
            const drawn: DrawnSuggestion[] = plugin.open.map((s) => ({
              id: s.id,
              authorId: s.authorId,
              local: false,
              body: s.format
                ? { format: s.format }
                : s.blockType
                  ? { blockType: s.blockType }
                  : { deleteFrom: s.deleteFrom ?? undefined, deleteTo: s.deleteTo ?? undefined, at: s.at ?? undefined, text: s.block ? undefined : s.replacement, block: s.block ?? undefined },
            }));
            for (const p of plugin.pending) drawn.push({ id: p.localId, authorId: options.userId, local: true, body: p.body });
            const draft = plugin.draft && draftBody(plugin.draft);
            if (draft) drawn.push({ id: 'draft', authorId: options.userId, local: true, body: draft });
            const set = drawn.length > 0 ? suggestionDecorations(state, drawn, options.describeBlocks, options.formatLabel, options.blockTypeLabel) : null;
            drawnCache.set(plugin, { doc: state.doc, set });
            return set;
          },
          handleDOMEvents: {
            blur: () => {
              flush();
              return false;
            },
          },
        },
        view(editorView) {
          view = editorView;
          return {
            destroy() {
              if (timer) clearTimeout(timer);
              const draft = suggestionModeKey.getState(editorView.state)?.draft ?? null;
              view = null;
              sendDraft(draft);
            },
          };
        },
      }),
    ];
  },
});
