import { Extension } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import { Plugin, PluginKey } from '@tiptap/pm/state';

/**
 * For roles without text-edit rights. A non-editable view still applies transactions dispatched
 * by commands, paste or a contenteditable flipped on from the developer tools; this refuses every
 * document change that does not come from the Y.Doc (other people's edits), so the view cannot
 * drift from what the server has.
 */
export const ReadOnlyGuard = Extension.create({
  name: 'readOnlyGuard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('readOnlyGuard'),
        filterTransaction: (transaction) => !transaction.docChanged || isChangeOrigin(transaction),
      }),
    ];
  },
});
