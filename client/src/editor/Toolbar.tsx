import type { Editor } from '@tiptap/react';
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BulletListIcon, LinkIcon, OrderedListIcon, QuoteIcon, RedoIcon, UndoIcon } from './icons.tsx';
import { ariaShortcut, shortcutLabel, type ShortcutName } from './shortcuts.ts';
import { useToolbarState, type BlockType } from './useToolbarState.ts';

interface ToolbarProps {
  editor: Editor;
  onLink: () => void;
  /** More controls after the formatting ones (the insert group). */
  extra?: ReactNode;
}

/**
 * Formatting toolbar. As in the ARIA toolbar pattern, arrow keys move between controls (mirrored
 * in right-to-left) and Escape returns to the text; every control stays tabbable too, because
 * trainers who are not keyboard experts expect Tab to work.
 */
export function Toolbar({ editor, onLink, extra }: ToolbarProps) {
  const { t } = useTranslation();
  const state = useToolbarState(editor);
  const ref = useRef<HTMLDivElement>(null);

  function setBlock(block: BlockType): void {
    const chain = editor.chain().focus();
    if (block === 'paragraph') chain.setParagraph().run();
    else chain.setHeading({ level: Number(block.slice(1)) as 1 | 2 | 3 | 4 }).run();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const controls = Array.from(ref.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select') ?? []);
    const index = controls.indexOf(document.activeElement as HTMLElement);
    if (index < 0) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (event.key === forward) next = (index + 1) % controls.length;
    else if (event.key === backward) next = (index - 1 + controls.length) % controls.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = controls.length - 1;
    else if (event.key === 'Escape') {
      event.preventDefault();
      editor.commands.focus();
      return;
    }
    // the block select uses up/down itself; left/right are free
    if (next === null) return;
    event.preventDefault();
    controls[next]?.focus();
  }

  const toggle = (name: ShortcutName, label: string, active: boolean, run: () => void, icon: ReactNode) => (
    <ToolButton key={name} name={name} label={label} active={active} onClick={run}>
      {icon}
    </ToolButton>
  );

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbarLabel')} ref={ref} onKeyDown={onKeyDown}>
      <select
        className="toolbar__block"
        aria-label={t('editor.blockType')}
        value={state.block}
        onChange={(event) => setBlock(event.target.value as BlockType)}
      >
        <option value="paragraph">{t('editor.paragraph')}</option>
        {[1, 2, 3, 4].map((level) => (
          <option key={level} value={`h${level}`}>
            {t('editor.heading', { level })}
          </option>
        ))}
      </select>
      <span className="toolbar__separator" aria-hidden="true" />
      {toggle('bold', t('editor.bold'), state.bold, () => editor.chain().focus().toggleBold().run(), <b className="glyph">B</b>)}
      {toggle('italic', t('editor.italic'), state.italic, () => editor.chain().focus().toggleItalic().run(), <i className="glyph glyph--serif">I</i>)}
      {toggle('underline', t('editor.underline'), state.underline, () => editor.chain().focus().toggleUnderline().run(), <u className="glyph">U</u>)}
      <span className="toolbar__separator" aria-hidden="true" />
      {toggle('bulletList', t('editor.bulletList'), state.bulletList, () => editor.chain().focus().toggleBulletList().run(), <BulletListIcon />)}
      {toggle('orderedList', t('editor.orderedList'), state.orderedList, () => editor.chain().focus().toggleOrderedList().run(), <OrderedListIcon />)}
      {toggle('blockquote', t('editor.blockquote'), state.blockquote, () => editor.chain().focus().toggleBlockquote().run(), <QuoteIcon />)}
      {toggle('link', t('editor.link'), state.link, onLink, <LinkIcon />)}
      <span className="toolbar__separator" aria-hidden="true" />
      <ToolButton name="undo" label={t('editor.undo')} disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()}>
        <UndoIcon />
      </ToolButton>
      <ToolButton name="redo" label={t('editor.redo')} disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()}>
        <RedoIcon />
      </ToolButton>
      {extra && <span className="toolbar__separator" aria-hidden="true" />}
      {extra}
    </div>
  );
}

interface ToolButtonProps {
  name: ShortcutName;
  label: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

export function ToolButton({ name, label, active, disabled, onClick, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="toolbar__button"
      data-command={name}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      aria-keyshortcuts={ariaShortcut(name)}
      title={`${label} (${shortcutLabel(name)})`}
      disabled={disabled}
      // keep the text selection: a mousedown on a button would otherwise blur the editor
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
