import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateMe } from '../../api/session.ts';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { MIN_PASSWORD_LENGTH } from '@dalil/shared';

type Status = { kind: 'idle' | 'busy' | 'saved' } | { kind: 'error'; message: string };

/** Changing the password needs the current one; the new one is typed twice. */
export function PasswordForm() {
  const { t } = useTranslation();
  const ids = { heading: useId(), current: useId(), next: useId(), confirm: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (next.length < MIN_PASSWORD_LENGTH) return setStatus({ kind: 'error', message: t('invite.tooShort') });
    if (next !== confirm) return setStatus({ kind: 'error', message: t('invite.mismatch') });
    setStatus({ kind: 'busy' });
    try {
      await updateMe({ currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setStatus({ kind: 'saved' });
    } catch (err) {
      setStatus({ kind: 'error', message: apiErrorMessage(err, t) });
    }
  }

  return (
    <section className="card account-card" aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('account.passwordHeading')}</h2>
      <form className="account-form" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={ids.current}>{t('account.currentPassword')}</label>
          <input id={ids.current} type="password" autoComplete="current-password" dir="ltr" value={current} onChange={(event) => setCurrent(event.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.next}>{t('account.newPassword')}</label>
          <input id={ids.next} type="password" autoComplete="new-password" dir="ltr" value={next} onChange={(event) => setNext(event.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor={ids.confirm}>{t('account.confirmPassword')}</label>
          <input id={ids.confirm} type="password" autoComplete="new-password" dir="ltr" value={confirm} onChange={(event) => setConfirm(event.target.value)} required />
        </div>
        <button type="submit" className="button button--primary" disabled={status.kind === 'busy'}>
          {status.kind === 'busy' ? t('account.saving') : t('account.savePassword')}
        </button>
        <p className="account-form__status" role="status">
          {status.kind === 'saved' ? t('account.passwordSaved') : ''}
        </p>
        {status.kind === 'error' && <p className="form-error" role="alert">{status.message}</p>}
      </form>
    </section>
  );
}
