import { Extension } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * The Link extension's autolink (a typed address becomes a link) for this editor's own typing
 * only. Whatever arrives through the Y.Doc (a collaborator's typing, an undo, an import, an
 * accepted suggestion, the section's text as the editor opens) keeps the marks it arrives with:
 * linking it here made every open editor write marks into someone else's text (the first
 * paragraph's last word: y-tiptap shows a remote change as the whole document replaced), and
 * opening a section paid ≈ 40 ms for it (linkify builds its tables on first use).
 */
export const LocalAutolinkOnly = Extension.create({
  name: 'localAutolinkOnly',

  dispatchTransaction({ transaction, next }) {
    const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
    if (sync?.isChangeOrigin) transaction.setMeta('preventAutolink', true);
    next(transaction);
  },
});
