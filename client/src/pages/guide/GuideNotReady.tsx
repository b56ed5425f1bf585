import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.tsx';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import type { GuideViewState } from './useGuideView.ts';
import { apiErrorDetail } from '../../i18n/apiErrorMessage.ts';

/** What a guide page shows until its guide is loaded: progress, or why it cannot be shown. */
export function GuideNotReady({ state, loadingLabel }: { state: Exclude<GuideViewState, { kind: 'ready' }>; loadingLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        {state.kind === 'loading' && <p className="muted" role="status">{loadingLabel}</p>}
        {state.kind === 'notFound' && <p role="alert">{t('guide.notFound')}</p>}
        {state.kind === 'forbidden' && <p role="alert">{t('access.lost')}</p>}
        {state.kind === 'error' && <p role="alert">{t('guide.loadError', { message: apiErrorDetail(state.error, t) })}</p>}
        <p>
          <Link to={paths.guides()}>{t('guide.allGuides')}</Link>
        </p>
      </main>
    </>
  );
}
