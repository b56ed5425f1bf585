import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { updateGuide } from '../../api/guides.ts';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';

/** The coordinator's switch: may a section be validated while comment threads are open? */
export function ThreadsSetting({ guide, onChanged }: { guide: GuideView; onChanged: () => Promise<void> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle(value: boolean): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await updateGuide(guide.id, { requireResolvedThreads: value });
      await onChanged();
    } catch (err) {
      setError(apiErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  }
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
