import type { Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ToolButton } from '../editor/Toolbar.tsx';
import { useToolbarState } from '../editor/useToolbarState.ts';

/**
 * Bold, italic and underline while suggesting: toggling one on a selection does not format the
 * text, the suggestion plugin turns it into a formatting suggestion (as Ctrl+B/I/U do). `extra`:
 * the insert controls (a table or a box inserted while suggesting is proposed as blocks).
 */
export function SuggestFormatButtons({ editor, extra }: { editor: Editor; extra?: ReactNode }) {
  const { t } = useTranslation();
  const state = useToolbarState(editor);
  return (
    <div className="toolbar suggest-format" role="toolbar" aria-label={t('suggestions.formatTools')} data-testid="suggest-format">
      <ToolButton name="bold" label={t('editor.bold')} active={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
        <b className="glyph">B</b>
      </ToolButton>
      <ToolButton name="italic" label={t('editor.italic')} active={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()}>
        <i className="glyph glyph--serif">I</i>
      </ToolButton>
      <ToolButton name="underline" label={t('editor.underline')} active={state.underline} onClick={() => editor.chain().focus().toggleUnderline().run()}>
        <u className="glyph">U</u>
      </ToolButton>
      {extra}
    </div>
  );
}
