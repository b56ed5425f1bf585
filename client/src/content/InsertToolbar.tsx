import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALLOUT_KINDS } from '@dalil/shared/editor';
import type { InsertActions } from './insertItems.ts';

interface InsertToolbarProps {
  editor: Editor;
  actions: InsertActions;
  /** Offer an image (false for those who may not upload one). */
  figure?: boolean;
  /** Offer a footnote (false while suggesting: a note in existing text cannot be suggested). */
  footnote?: boolean;
  /**
   * A box goes in as a new empty box after the block holding the caret instead of wrapping that
   * block (while suggesting: a new box is proposed, wrapping existing text cannot be).
   */
  boxAfter?: boolean;
}

/** Insert controls beside the formatting toolbar: table, image, box (by kind), footnote. */
export function InsertToolbar({ editor, actions, figure = true, footnote = true, boxAfter = false }: InsertToolbarProps) {
  const { t } = useTranslation();
  const insertBox = (kind: (typeof CALLOUT_KINDS)[number]) => {
    if (!boxAfter) return editor.chain().focus().setCallout(kind).run();
    const { $from } = editor.state.selection;
    const after = $from.depth >= 1 ? $from.after(1) : 0;
    return editor.chain().focus().insertContentAt(after, { type: 'callout', attrs: { kind }, content: [{ type: 'paragraph' }] }).run();
  };
  return (
    <span className="toolbar__group" role="group" aria-label={t('content.insertLabel')}>
      <button type="button" className="toolbar__text-button" data-insert="table" title={`${t('content.table')} (Ctrl+Alt+T)`} onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
        ▦ {t('content.table')}
      </button>
      {figure && (
        <button type="button" className="toolbar__text-button" data-insert="figure" title={`${t('content.figure')} (Ctrl+Alt+I)`} onMouseDown={(e) => e.preventDefault()} onClick={actions.pickImage}>
          ▣ {t('content.figure')}
        </button>
      )}
      <select
        className="toolbar__block"
        data-insert="callout"
        aria-label={t('content.calloutHint')}
        value=""
        onChange={(event) => {
          const kind = event.target.value as (typeof CALLOUT_KINDS)[number];
          if (kind) insertBox(kind);
        }}
      >
        <option value="">{t('content.calloutHint')}…</option>
        {CALLOUT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`content.callouts.${kind}`)}
          </option>
        ))}
      </select>
      {footnote && (
        <button type="button" className="toolbar__text-button" data-insert="footnote" title={`${t('content.footnote')} (Ctrl+Alt+F)`} onMouseDown={(e) => e.preventDefault()} onClick={() => editor.chain().focus().insertFootnote('').run()}>
          ¹ {t('content.footnote')}
        </button>
      )}
    </span>
  );
}

/** Row, column, merge and header commands, shown while the caret is in a table. */
export function TableTools({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [inTable, setInTable] = useState(false);
  useEffect(() => {
    const update = () => setInTable(editor.isActive('table'));
    editor.on('selectionUpdate', update);
    editor.on('transaction', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('transaction', update);
    };
  }, [editor]);
  if (!inTable) return null;
  const tools: Array<[string, string, () => boolean]> = [
    ['addRowAfter', t('content.addRowAfter'), () => editor.chain().focus().addRowAfter().run()],
    ['deleteRow', t('content.deleteRow'), () => editor.chain().focus().deleteRow().run()],
    ['addColumnAfter', t('content.addColumnAfter'), () => editor.chain().focus().addColumnAfter().run()],
    ['deleteColumn', t('content.deleteColumn'), () => editor.chain().focus().deleteColumn().run()],
    ['mergeCells', t('content.mergeCells'), () => editor.chain().focus().mergeCells().run()],
    ['splitCell', t('content.splitCell'), () => editor.chain().focus().splitCell().run()],
    ['toggleHeaderRow', t('content.toggleHeaderRow'), () => editor.chain().focus().toggleHeaderRow().run()],
    ['deleteTable', t('content.deleteTable'), () => editor.chain().focus().deleteTable().run()],
  ];
  return (
    <div className="table-tools" role="group" aria-label={t('content.tableTools')}>
      {tools.map(([name, text, run]) => (
        <button key={name} type="button" className="toolbar__text-button" data-table-tool={name} onMouseDown={(e) => e.preventDefault()} onClick={run}>
          {text}
        </button>
      ))}
    </div>
  );
}
