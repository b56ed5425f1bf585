import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_LANGUAGES, type GuideLanguage } from '@dalil/shared';
import { setUiLanguage } from '../i18n/setup.ts';

/** Interface language picker; each option is written in its own language and direction. */
export function LanguageSwitcher({ withLabel = false }: { withLabel?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className={withLabel ? undefined : 'visually-hidden'}>
        {t('language.label')}
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => void setUiLanguage(event.target.value as GuideLanguage)}
        data-testid={withLabel ? undefined : 'language-switcher'}
      >
        {GUIDE_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
