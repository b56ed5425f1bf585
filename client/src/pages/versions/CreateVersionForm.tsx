import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnvalidatedSection, VersionKind } from '@dalil/shared/api/versions.ts';
import { MAX_VERSION_LABEL_LENGTH, MAX_VERSION_NOTE_LENGTH } from '@dalil/shared/api/versionRules.ts';
import { createVersion } from '../../api/versions.ts';
import { ApiRequestError } from '../../api/http.ts';
import { useAnnounce } from '../../components/Announcer.tsx';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** The coordinator freezes the guide: provisional at any time, final once everything is validated. */
export function CreateVersionForm({ guideId, language, onCreated }: { guideId: string; language: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [kind, setKind] = useState<VersionKind>('provisional');
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const [blocking, setBlocking] = useState<UnvalidatedSection[]>([]);

  const { busy, error, submit } = useSubmit(
    async (event: FormEvent) => {
      event.preventDefault();
      setBlocking([]);
      await createVersion(guideId, { kind, ...(label.trim() ? { label: label.trim() } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      setLabel('');
      setNote('');
      announce(t('versions.created'));
      onCreated();
    },
    {
      describeError: (err) => {
        if (!(err instanceof ApiRequestError && err.code === 'sections_not_validated')) return apiErrorMessage(err, t);
        setBlocking(err.sections);
        return t('versions.refusedFinal');
      },
    },
  );

  return (
    <form className="versions-card versions-create" onSubmit={(e) => void submit(e)} data-testid="create-version">
      <h2>{t('versions.createTitle')}</h2>
      <fieldset className="versions-create__kinds">
        <legend>{t('versions.kindLabel')}</legend>
        {(['provisional', 'final'] as const).map((k) => (
          <label key={k} className="versions-create__kind">
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            <span>
              <strong>{t(`versions.kind.${k}`)}</strong> <span className="muted">— {t(`versions.kindHint.${k}`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('versions.label')}</span>
        <input type="text" value={label} maxLength={MAX_VERSION_LABEL_LENGTH} onChange={(e) => setLabel(e.target.value)} dir="auto" />
      </label>
      <label className="field">
        <span>{t('versions.note')}</span>
        <textarea value={note} maxLength={MAX_VERSION_NOTE_LENGTH} rows={2} onChange={(e) => setNote(e.target.value)} dir="auto" />
      </label>
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
          {blocking.length > 0 && (
            <ul data-testid="blocking-sections">
              {blocking.map((s) => (
                <li key={s.id}>
                  <Link to={paths.section(guideId, s.id)} dir="auto" lang={language}>
                    {s.title}
                  </Link>{' '}
                  <span className={`badge badge--${s.status}`}>{t(`toc.status.${s.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('versions.create')}
        </button>
      </div>
    </form>
  );
}
