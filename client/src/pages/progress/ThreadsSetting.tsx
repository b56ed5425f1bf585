import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { updateGuide } from '../../api/guides.ts';
import { useSubmit } from '../../hooks/useSubmit.ts';

/** The coordinator's switch: may a section be validated while comment threads are open? */
export function ThreadsSetting({ guide, onChanged }: { guide: GuideView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const { busy, error, submit: toggle } = useSubmit(async (value: boolean) => {
    await updateGuide(guide.id, { requireResolvedThreads: value });
    await onChanged();
  });
  return (
    <section className="progress-card" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('dashboard.settingsTitle')}</h2>
      <label className="checkbox-row">
        <input type="checkbox" checked={guide.requireResolvedThreads} disabled={busy} onChange={(event) => void toggle(event.target.checked)} />
        <span>{t('dashboard.requireResolvedThreads')}</span>
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
