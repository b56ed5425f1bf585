import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/http.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { signIn } from '../identity/currentUser.ts';
import { apiErrorDetail } from '../i18n/apiErrorMessage.ts';

/**
 * Shown in place of any page while signed out; the URL is kept, so a deep link opens its section
 * right after signing in.
 */
export function LoginPage({ problem }: { problem?: string }) {
  const { t } = useTranslation();
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(problem ? t('login.unreachable', { message: problem }) : null);

  useEffect(() => {
    document.title = `${t('login.title')} — ${t('app.name')}`;
  }, [t]);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
    } catch (err) {
      setBusy(false);
      if (err instanceof ApiRequestError && err.status === 401) setError(t('login.invalid'));
      else setError(t('login.error', { message: apiErrorDetail(err, t) }));
    }
  }

  return (
    <>
      <AppHeader signedIn={false} />
      <main id="main" className="page" tabIndex={-1}>
        <section className="card login" aria-labelledby="login-title">
          <h1 id="login-title">{t('login.title')}</h1>
          <p className="muted">{t('login.intro')}</p>
          <form className="login__form" onSubmit={(event) => void submit(event)}>
            <div className="field">
              <label htmlFor={emailId}>{t('login.email')}</label>
              <input id={emailId} type="email" autoComplete="username" dir="ltr" value={email} onChange={(event) => setEmail(event.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor={passwordId}>{t('login.password')}</label>
              <input id={passwordId} type="password" autoComplete="current-password" dir="ltr" value={password} onChange={(event) => setPassword(event.target.value)} required />
            </div>
            {error && <p className="form-error" role="alert">{error}</p>}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </form>
        </section>
      </main>
    </>
  );
}
