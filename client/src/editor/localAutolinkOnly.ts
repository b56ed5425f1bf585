import { Extension } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { tokenize } from 'linkifyjs';

/**
 * The Link extension's autolink (a typed address becomes a link) for this editor's own typing
 * only. Whatever arrives through the Y.Doc (a collaborator's typing, an undo, an import, an
 * accepted suggestion, the section's text as the editor opens) keeps the marks it arrives with:
 * linking it here made every open editor write marks into someone else's text (the first
 * paragraph's last word: y-tiptap shows a remote change as the whole document replaced), and
 * opening a section paid ≈ 40 ms for it (linkify builds its tables on first use). Those tables
 * are built once the page is idle instead, so that the first space typed does not pay for them.
 */
export const LocalAutolinkOnly = Extension.create({
  name: 'localAutolinkOnly',

  onCreate() {
    // only while this editor lives: the Link extension resets linkify when an editor goes and
    // registers its protocols as the next one is created, which must come before the tables
    const { editor } = this;
    whenIdle(() => {
      if (!editor.isDestroyed) tokenize('');
    });
  },

  dispatchTransaction({ transaction, next }) {
    const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
    if (sync?.isChangeOrigin) transaction.setMeta('preventAutolink', true);
    next(transaction);
  },
});

function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, { timeout: 10_000 });
  else window.setTimeout(work, 2_000);
}
