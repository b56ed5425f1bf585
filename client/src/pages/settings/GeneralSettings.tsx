import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_LANGUAGES, type GuideLanguage, type GuideView } from '@dalil/shared';
import { updateGuide } from '../../api/guides.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { apiErrorDetail } from '../../i18n/apiErrorMessage.ts';

/** The guide's title and main language, saved together. */
export function GeneralSettings({ guide, onSaved }: { guide: GuideView; onSaved: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(guide.title);
  const [language, setLanguage] = useState<GuideLanguage>(guide.language);
  const [saved, setSaved] = useState(false);
  const changed = title.trim() !== guide.title || language !== guide.language;

  const save = useSubmit(
    async () => {
      await updateGuide(guide.id, { title: title.trim(), language });
      await onSaved();
      setSaved(true);
    },
    { describeError: (err) => apiErrorDetail(err, t) },
  );

  function submit(event: FormEvent): void {
    event.preventDefault();
    setSaved(false);
    if (title.trim() && changed) void save.submit();
  }

  return (
    <section className="card settings-card" aria-labelledby={`${id}-heading`} data-testid="general-settings">
      <h2 id={`${id}-heading`}>{t('guideSettings.generalHeading')}</h2>
      <form onSubmit={submit} className="settings-card__form">
        <div className="field field--grow">
          <label htmlFor={`${id}-title`}>{t('guideSettings.titleLabel')}</label>
          <input
            id={`${id}-title`}
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              setSaved(false);
            }}
            maxLength={200}
            required
            dir="auto"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-language`}>{t('guideSettings.languageLabel')}</label>
          <select
            id={`${id}-language`}
            value={language}
            aria-describedby={`${id}-language-hint`}
            onChange={(event) => {
              setLanguage(event.target.value as GuideLanguage);
              setSaved(false);
            }}
          >
            {GUIDE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <p id={`${id}-language-hint`} className="muted settings-card__hint">
          {t('guideSettings.languageHint')}
        </p>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={save.busy || !changed || !title.trim()}>
            {save.busy ? t('guideSettings.saving') : t('guideSettings.save')}
          </button>
          <span role="status" className="settings-card__saved">
            {saved && !changed ? t('guideSettings.saved') : ''}
          </span>
        </div>
      </form>
      {save.error && (
        <p className="form-error" role="alert">
          {t('guideSettings.saveError', { message: save.error })}
        </p>
      )}
    </section>
  );
}
