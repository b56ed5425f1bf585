import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

/** The top bar of every page; pages put their own context (guide title, presence) in the middle. */
export function AppHeader({ children, signedIn = true }: { children?: ReactNode; signedIn?: boolean }) {
  const { t } = useTranslation();
  return (
    <header className={`app-header${signedIn ? ' app-header--signed-in' : ''}`}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {/* the mark is drawn by CSS: the link's visible text is its name, contained in its accessible name */}
      <Link to={paths.guides()} className="brand">
        <span className="brand__mark" aria-hidden="true" data-mark="د" />
        <span className="brand__name">{t('app.name')}</span>
        <span className="visually-hidden">{t('a11y.homeSuffix')}</span>
      </Link>
      <div className="app-header__context">{children}</div>
      <div className="app-header__tools">
        <LanguageSwitcher />
        {signedIn && <NotificationBell />}
        {signedIn && <UserMenu />}
      </div>
    </header>
  );
}
