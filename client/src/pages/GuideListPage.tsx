import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GUIDE_LANGUAGES, type GuideLanguage, type GuideSummary } from '@dalil/shared';
import { createGuide, listGuides } from '../api/guides.ts';
import { AppHeader } from '../components/AppHeader.tsx';
import { navigate } from '../routing/history.ts';
import { paths } from '@dalil/shared/routes';
import { useSubmit } from '../hooks/useSubmit.ts';
import { apiErrorDetail } from '../i18n/apiErrorMessage.ts';
import { ImportDialog } from '../import/ImportDialog.tsx';
import { GuideSections } from './guides/GuideSections.tsx';
import './settings/settings.css';

type ListState = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; guides: GuideSummary[] };

/** Home: every guide, and a form to start a new one. */
export function GuideListPage() {
  const { t } = useTranslation();
  const [state, setState] = useState<ListState>({ kind: 'loading' });
  const [importing, setImporting] = useState(false);

  const load = useCallback(() => {
    setState({ kind: 'loading' });
    listGuides().then(
      (guides) => setState({ kind: 'ready', guides }),
      (error: unknown) => setState({ kind: 'error', error }),
    );
  }, []);

  useEffect(() => {
    document.title = `${t('guides.title')} — ${t('app.name')}`;
  }, [t]);
  useEffect(load, [load]);

  return (
    <>
      <AppHeader />
      <main id="main" className="page" tabIndex={-1}>
        <div className="page__intro">
          <h1>{t('guides.title')}</h1>
          <p className="muted">{t('guides.intro')}</p>
        </div>
        {state.kind === 'loading' && <p className="muted" role="status">{t('guides.loading')}</p>}
        {state.kind === 'error' && (
          <div role="alert" className="form-error">
            <p>{t('guides.loadError', { message: apiErrorDetail(state.error, t) })}</p>
            <button type="button" className="button" onClick={load}>
              {t('guides.retry')}
            </button>
          </div>
        )}
        {state.kind === 'ready' && <GuideSections guides={state.guides} onChanged={load} />}
        <CreateGuideForm />
        <p className="import-entry">
          <button type="button" className="button" data-testid="import-guide" onClick={() => setImporting(true)}>
            {t('import.action')}
          </button>
        </p>
        {importing && (
          <ImportDialog
            target={{ kind: 'guide' }}
            onClose={() => setImporting(false)}
            onImported={(result) => {
              if ('guideId' in result) navigate(paths.guide(result.guideId));
            }}
          />
        )}
      </main>
    </>
  );
}

function CreateGuideForm() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const languageId = useId();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<GuideLanguage>((GUIDE_LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as GuideLanguage) : 'fr');

  const create = useSubmit(
    async () => {
      const guide = await createGuide({ title: title.trim(), language });
      navigate(paths.guide(guide.id));
    },
    { describeError: (err) => apiErrorDetail(err, t), staysBusyOnSuccess: true },
  );
  const { busy, error } = create;

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (title.trim()) await create.submit();
  }

  return (
    <section className="card create-guide" aria-labelledby={`${titleId}-heading`}>
      <h2 id={`${titleId}-heading`}>{t('guides.createHeading')}</h2>
      <form onSubmit={(event) => void submit(event)} className="create-guide__form">
        <div className="field field--grow">
          <label htmlFor={titleId}>{t('guides.titleLabel')}</label>
          <input id={titleId} value={title} onChange={(event) => setTitle(event.target.value)} placeholder={t('guides.titlePlaceholder')} maxLength={200} required dir="auto" />
        </div>
        <div className="field">
          <label htmlFor={languageId}>{t('guides.languageLabel')}</label>
          <select id={languageId} value={language} onChange={(event) => setLanguage(event.target.value as GuideLanguage)}>
            {GUIDE_LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('guides.creating') : t('guides.create')}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {t('guides.createError', { message: error })}
        </p>
      )}
    </section>
  );
}
