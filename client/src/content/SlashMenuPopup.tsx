import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterItems, type InsertActions } from './insertItems.ts';
import { chooseSlashItem, slashMenuKey, type SlashState } from './slashMenuPlugin.ts';

interface SlashMenuPopupProps {
  editor: Editor;
  actions: InsertActions;
}

/** The list the "/" menu shows under the caret, filtered by what follows the "/". */
export function SlashMenuPopup({ editor, actions }: SlashMenuPopupProps) {
  const { t } = useTranslation();
  const [slash, setSlash] = useState<SlashState | null>(null);

  useEffect(() => {
    const update = () => {
      const state = slashMenuKey.getState(editor.state);
      setSlash((previous) => {
        if (!state?.active) return previous === null ? previous : null;
        if (previous && previous.active && previous.from === state.from && previous.query === state.query && previous.index === state.index) return previous;
        return state;
      });
    };
    editor.on('transaction', update);
    return () => {
      editor.off('transaction', update);
    };
  }, [editor]);

  if (!slash?.active || editor.isDestroyed) return null;
  const items = filterItems(slash.query);
  let coords: { left: number; bottom: number };
  try {
    coords = editor.view.coordsAtPos(slash.from);
  } catch {
    return null;
  }
  const host = editor.view.dom.closest('.section-editor')?.getBoundingClientRect();
  const style = host ? { top: coords.bottom - host.top + 4, insetInlineStart: document.dir === 'rtl' ? host.right - coords.left - 260 : coords.left - host.left } : {};

  return (
    <div className="slash-menu" role="listbox" aria-label={t('content.slashLabel')} style={style} data-testid="slash-menu">
      {items.length === 0 ? (
        <p className="slash-menu__empty">{t('content.slashEmpty')}</p>
      ) : (
        items.map((item, index) => (
          <div
            key={item.id}
            role="option"
            aria-selected={index === slash.index}
            className="slash-menu__item"
            data-item={item.id}
            onMouseDown={(event) => {
              event.preventDefault();
              chooseSlashItem(editor.state, (tr) => editor.view.dispatch(tr), index, (query, i) => filterItems(query)[i]?.run(editor, actions));
            }}
          >
            <span className="slash-menu__label">{item.label()}</span>
            <span className="slash-menu__hint">{item.hint()}</span>
          </div>
        ))
      )}
    </div>
  );
}
