import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptInvitation } from '../../api/invitations.ts';
import { loadSession } from '../../identity/currentUser.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { refusedOr } from './refusedOr.ts';
import { navigate } from '../../routing/history.ts';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { MIN_PASSWORD_LENGTH, MAX_NAME_LENGTH } from '@dalil/shared';

interface SignUpFormProps {
  token: string;
  onRefused: () => void;
}

/**
 * Signed out: create the account with the invitation itself. The server answers with the session
 * cookie, so once `/api/me` is read again the person is in, and the guide opens.
 */
export function SignUpForm({ token, onRefused }: SignUpFormProps) {
  const { t } = useTranslation();
  const ids = { name: useId(), email: useId(), password: useId(), confirm: useId(), hint: useId() };
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  const signUp = useSubmit(
    async () => {
      const { guideId } = await acceptInvitation(token, { name: name.trim(), email: email.trim(), password });
      await loadSession();
      navigate(paths.guide(guideId));
    },
    { describeError: (err) => refusedOr(err, onRefused, t), staysBusyOnSuccess: true },
  );
  const { busy, error, setError } = signUp;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) return setError(t('invite.tooShort'));
    if (password !== confirm) return setError(t('invite.mismatch'));
    await signUp.submit();
  }

  return (
    <form className="login__form" onSubmit={(event) => void submit(event)} aria-labelledby={`${ids.name}-heading`}>
      <h2 id={`${ids.name}-heading`}>{t('invite.createAccount')}</h2>
      <div className="field">
        <label htmlFor={ids.name}>{t('invite.name')}</label>
        <input id={ids.name} autoComplete="name" dir="auto" maxLength={MAX_NAME_LENGTH} value={name} onChange={(event) => setName(event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={ids.email}>{t('invite.email')}</label>
        <input id={ids.email} type="email" autoComplete="email" dir="ltr" maxLength={320} value={email} onChange={(event) => setEmail(event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t('invite.password')}</label>
        <input id={ids.password} type="password" autoComplete="new-password" dir="ltr" maxLength={1024} value={password} onChange={(event) => setPassword(event.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={ids.confirm}>{t('invite.confirm')}</label>
        <input id={ids.confirm} type="password" autoComplete="new-password" dir="ltr" maxLength={1024} value={confirm} onChange={(event) => setConfirm(event.target.value)} required />
      </div>
      {error && <p className="form-error" role="alert">{error}</p>}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('invite.submitting') : t('invite.submit')}
      </button>
      <p className="invitation__have-account">
        <Link to={paths.login(paths.invitation(token))}>{t('invite.haveAccount')}</Link>
      </p>
    </form>
  );
}
