import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface TitleFormProps {
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (title: string) => void;
  onCancel: () => void;
}

/** Inline title field used to add and to rename sections; Escape cancels. */
export function TitleForm({ label, initial = '', submitLabel, onSubmit, onCancel }: TitleFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState(initial);

  useEffect(() => input.current?.select(), []);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const title = value.trim();
    if (title) onSubmit(title);
  }

  return (
    <form
      className="title-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} ref={input} value={value} maxLength={200} placeholder={label} onChange={(event) => setValue(event.target.value)} dir="auto" required />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--small">{submitLabel}</button>
        <button type="button" className="button button--quiet button--small" onClick={onCancel}>
          {t('toc.cancel')}
        </button>
      </div>
    </form>
  );
}
