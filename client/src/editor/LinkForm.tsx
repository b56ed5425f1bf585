import type { Editor } from '@tiptap/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeUrl } from './normalizeUrl.ts';

interface LinkFormProps {
  editor: Editor;
  onClose: () => void;
}

/** Inline form to add, change or remove the link at the selection. */
export function LinkForm({ editor, onClose }: LinkFormProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const current = editor.getAttributes('link').href;
  const [value, setValue] = useState(typeof current === 'string' ? current : '');

  useEffect(() => input.current?.focus(), []);

  function close(): void {
    onClose();
    editor.commands.focus();
  }

  function apply(event: FormEvent): void {
    event.preventDefault();
    const href = normalizeUrl(value);
    if (!href) return remove();
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // nothing selected: insert the address itself as the link text
      editor.chain().focus().insertContent({ type: 'text', text: value.trim(), marks: [{ type: 'link', attrs: { href } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  }

  function remove(): void {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <form
      className="link-form"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
    >
      <label htmlFor={inputId}>{t('editor.linkUrl')}</label>
      <input
        id={inputId}
        ref={input}
        type="text"
        inputMode="url"
        dir="ltr"
        autoComplete="url"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        placeholder="https://"
      />
      <button type="submit" className="button button--primary">{t('editor.linkApply')}</button>
      {editor.isActive('link') && (
        <button type="button" className="button" onClick={remove}>
          {t('editor.linkRemove')}
        </button>
      )}
      <button type="button" className="button button--quiet" onClick={close}>
        {t('editor.linkCancel')}
      </button>
    </form>
  );
}
