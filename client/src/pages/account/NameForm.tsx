import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { renameMe, useCurrentUser } from '../../identity/currentUser.ts';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { MAX_NAME_LENGTH } from '@dalil/shared';

/** The name others see on carets, presence and member lists. */
export function NameForm() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const inputId = useId();
  const [name, setName] = useState(user.name);
  const [status, setStatus] = useState<{ kind: 'idle' | 'busy' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setStatus({ kind: 'busy' });
    try {
      await renameMe(name);
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: apiErrorMessage(err, t) });
    }
  }

  return (
    <section className="card account-card" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t('account.nameHeading')}</h2>
      <p className="muted" dir="ltr">{user.email}</p>
      <form className="account-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={inputId}>{t('account.nameLabel')}</label>
          <input id={inputId} value={name} maxLength={MAX_NAME_LENGTH} dir="auto" autoComplete="name" onChange={(event) => setName(event.target.value)} required />
        </div>
        <button type="submit" className="button button--primary" disabled={status.kind === 'busy'}>
          {status.kind === 'busy' ? t('account.saving') : t('account.saveName')}
        </button>
        <p className="account-form__status" role="status">
          {status.kind === 'saved' ? t('account.nameSaved') : ''}
        </p>
        {status.kind === 'error' && <p className="form-error" role="alert">{status.message}</p>}
      </form>
    </section>
  );
}
