import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../components/AppHeader.tsx';
import { MyGuides } from './account/MyGuides.tsx';
import { NameForm } from './account/NameForm.tsx';
import { PasswordForm } from './account/PasswordForm.tsx';

/** `/account`: one's display name, password, and the guides one belongs to with one's role in each. */
export function AccountPage() {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('account.title')} — ${t('app.name')}`;
  }, [t]);

  return (
    <>
      <AppHeader />
      <main id="main" className="page page--narrow account-page" tabIndex={-1}>
        <h1>{t('account.title')}</h1>
        <NameForm />
        <PasswordForm />
        <MyGuides />
      </main>
    </>
  );
}
