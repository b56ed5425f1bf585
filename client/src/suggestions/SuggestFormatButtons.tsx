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
      <select
        className="toolbar__block"
        data-testid="suggest-block-type"
        aria-label={t('suggestions.blockType')}
        value=""
        onChange={(event) => {
          // the command is refused by suggesting mode and becomes a block-type suggestion (or, on an empty line, a proposed block)
          const choice = event.target.value;
          const chain = editor.chain().focus();
          if (choice === 'paragraph') chain.setParagraph().run();
          else if (choice.startsWith('h')) chain.setHeading({ level: Number(choice.slice(1)) as 1 | 2 | 3 | 4 }).run();
          else if (choice === 'bulletList') chain.toggleBulletList().run();
          else if (choice === 'orderedList') chain.toggleOrderedList().run();
          else if (choice === 'blockquote') chain.toggleBlockquote().run();
        }}
      >
        <option value="">{t('suggestions.blockType')}…</option>
        <option value="paragraph">{t('editor.paragraph')}</option>
        {[1, 2, 3, 4].map((level) => (
          <option key={level} value={`h${level}`}>
            {t('editor.heading', { level })}
          </option>
        ))}
        <option value="bulletList">{t('editor.bulletList')}</option>
        <option value="orderedList">{t('editor.orderedList')}</option>
        <option value="blockquote">{t('editor.blockquote')}</option>
      </select>
      {extra}
    </div>
  );
}
