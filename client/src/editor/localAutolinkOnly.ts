import { Extension } from '@tiptap/core';
import { ySyncPluginKey } from '@tiptap/y-tiptap';

/**
 * The Link extension's autolink (a typed address becomes a link) for this editor's own typing
 * only. Whatever arrives through the Y.Doc (a collaborator's typing, an undo, the section's text
 * as the editor opens) was autolinked where it was typed: linking it again here would write the
 * same marks a second time from every open editor, and opening a section paid ≈ 40 ms for it
 * (linkify builds its tables on first use, then scans the text the opening put in).
 */
export const LocalAutolinkOnly = Extension.create({
  name: 'localAutolinkOnly',

  dispatchTransaction({ transaction, next }) {
    const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
    if (sync?.isChangeOrigin) transaction.setMeta('preventAutolink', true);
    next(transaction);
  },
});
