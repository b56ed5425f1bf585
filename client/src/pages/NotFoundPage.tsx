import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader.tsx';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow" tabIndex={-1}>
        <h1>{t('notFound.title')}</h1>
        <p>
          <Link to={paths.guides()}>{t('notFound.back')}</Link>
        </p>
      </main>
    </>
  );
}
