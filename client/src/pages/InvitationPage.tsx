import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader.tsx';
import { useSession } from '../identity/currentUser.ts';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { isolate } from '../i18n/isolate.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { JoinAsMember } from './invitation/JoinAsMember.tsx';
import { SignUpForm } from './invitation/SignUpForm.tsx';
import { useInvitationPreview } from './invitation/useInvitationPreview.ts';

/**
 * `/invitations/:token`: what the link offers, then one button for someone signed in, or an
 * account form for someone new (the same accept call creates the account and signs them in).
 */
export function InvitationPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.kind === 'signedIn';
  const { state, reload } = useInvitationPreview(token);

  useEffect(() => {
    document.title = `${t('invite.title')} — ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <AppHeader signedIn={signedIn} />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <section className="card invitation" aria-labelledby="invitation-title" data-testid="invitation">
          {state.kind === 'loading' && <p className="muted" role="status">{t('invite.loading')}</p>}
          {state.kind === 'notFound' && <Unusable title={t('invite.title')} message={t('invite.notFound')} signedIn={signedIn} />}
          {state.kind === 'error' && <Unusable title={t('invite.title')} message={apiErrorMessage(state.error, t)} signedIn={signedIn} />}
          {state.kind === 'ready' && !state.preview.valid && (
            <Unusable
              title={t('invite.heading', { title: isolate(state.preview.guideTitle) })}
              message={t(`invite.reason.${state.preview.reason ?? 'used'}`)}
              signedIn={signedIn}
            />
          )}
          {state.kind === 'ready' && state.preview.valid && (
            <>
              <h1 id="invitation-title">{t('invite.heading', { title: isolate(state.preview.guideTitle) })}</h1>
              <p>
                {t('invite.offer', {
                  title: isolate(state.preview.guideTitle),
                  asRole: t(`asRole.${state.preview.role}`),
                  hint: t(`roleHints.${state.preview.role}`),
                })}
              </p>
              {signedIn ? (
                <JoinAsMember token={token} preview={state.preview} user={session.user} onRefused={reload} />
              ) : (
                <SignUpForm token={token} onRefused={reload} />
              )}
            </>
          )}
        </section>
      </main>
    </>
  );
}

function Unusable({ title, message, signedIn }: { title: string; message: string; signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 id="invitation-title">{title}</h1>
      <p className="form-error" role="alert" data-testid="invitation-unusable">
        {message}
      </p>
      <p>
        <Link to={signedIn ? paths.guides() : paths.login()}>{signedIn ? t('invite.toGuides') : t('login.submit')}</Link>
      </p>
    </>
  );
}
