import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renameMe, signOut, useCurrentUser } from '../identity/currentUser.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { Avatar } from './Avatar.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { MAX_NAME_LENGTH } from '@dalil/shared';

/** The signed-in person: their display name (editable, it labels their caret), their account page, sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(user.name);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) input.current?.select();
  }, [open]);

  function close(): void {
    setOpen(false);
    setError(null);
    button.current?.focus();
  }

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await renameMe(draft);
      close();
    } catch (err) {
      setError(apiErrorMessage(err, t));
    }
  }

  return (
    <div className="user-name">
      <button
        ref={button}
        type="button"
        className="user-name__button"
        aria-expanded={open}
        aria-label={t('user.nameButton', { name: user.name })}
        onClick={() => {
          setDraft(user.name);
          setOpen((value) => !value);
        }}
      >
        <Avatar name={user.name} color={user.color} size="small" label="" />
        <span className="user-name__text">{user.name}</span>
      </button>
      {open && (
        <form
          className="popover user-name__form"
          onSubmit={(event) => void save(event)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <p className="user-name__email" dir="ltr">{user.email}</p>
          <label htmlFor={inputId}>{t('user.nameLabel')}</label>
          <input id={inputId} ref={input} value={draft} maxLength={MAX_NAME_LENGTH} onChange={(event) => setDraft(event.target.value)} required />
          {error && <p className="form-error" role="alert">{error}</p>}
          <div className="form-actions">
            <button type="submit" className="button button--primary">{t('user.save')}</button>
            <button type="button" className="button button--quiet" onClick={close}>{t('user.cancel')}</button>
          </div>
          {/* on a phone the header has no room for the language picker: it is here */}
          <div className="user-name__language">
            <LanguageSwitcher withLabel />
          </div>
          <hr className="user-name__rule" />
          <Link to={paths.account()} className="user-name__account" onClick={() => setOpen(false)}>
            {t('nav.account')}
          </Link>
          <button type="button" className="button" onClick={() => void signOut()}>
            {t('user.signOut')}
          </button>
        </form>
      )}
    </div>
  );
}
