import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.tsx';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** Shown in place of the guide once we are no longer a member (removed while it was open, or a stale link). */
export function AccessLost() {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <div className="card access-lost" role="alert" data-testid="access-lost">
          <h1>{t('access.lost')}</h1>
          <p className="muted">{t('access.lostDetail')}</p>
          <p>
            <Link to={paths.guides()}>{t('guide.allGuides')}</Link>
          </p>
        </div>
      </main>
    </>
  );
}
