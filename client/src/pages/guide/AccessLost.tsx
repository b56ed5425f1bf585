import { useTranslation } from 'react-i18next';
import { AppHeader } from '../../components/AppHeader.tsx';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** Why the guide went away while it was open: we were removed, or it was put in the trash. */
export type LostAccess = 'removed' | 'trashed';

/** Shown in place of the guide once we are no longer a member (removed while it was open, or a stale link) or it went to the trash. */
export function AccessLost({ why = 'removed' }: { why?: LostAccess }) {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <div className="card access-lost" role="alert" data-testid="access-lost">
          <h1>{t(why === 'trashed' ? 'access.trashed' : 'access.lost')}</h1>
          <p className="muted">{t(why === 'trashed' ? 'access.trashedDetail' : 'access.lostDetail')}</p>
          <p>
            <Link to={paths.guides()}>{t('guide.allGuides')}</Link>
          </p>
        </div>
      </main>
    </>
  );
}
