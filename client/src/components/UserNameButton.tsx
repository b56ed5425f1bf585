import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { setLocalUserName, useLocalUser } from '../identity/localUser.ts';
import { Avatar } from './Avatar.tsx';

/** Shows who "I" am and lets me change the name others see next to my caret. */
export function UserNameButton() {
  const { t } = useTranslation();
  const user = useLocalUser();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(user.name);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  function close(): void {
    setEditing(false);
    button.current?.focus();
  }

  function save(event: FormEvent): void {
    event.preventDefault();
    setLocalUserName(draft);
    close();
  }

  return (
    <div className="user-name">
      <button
        ref={button}
        type="button"
        className="user-name__button"
        aria-expanded={editing}
        aria-label={t('user.nameButton', { name: user.name })}
        onClick={() => {
          setDraft(user.name);
          setEditing((open) => !open);
        }}
      >
        <Avatar name={user.name} color={user.color} size="small" label="" />
        <span className="user-name__text">{user.name}</span>
      </button>
      {editing && (
        <form
          className="popover user-name__form"
          onSubmit={save}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <label htmlFor={inputId}>{t('user.nameLabel')}</label>
          <input id={inputId} ref={input} value={draft} maxLength={60} onChange={(event) => setDraft(event.target.value)} required />
          <div className="form-actions">
            <button type="submit" className="button button--primary">{t('user.save')}</button>
            <button type="button" className="button button--quiet" onClick={close}>{t('user.cancel')}</button>
          </div>
        </form>
      )}
    </div>
  );
}
