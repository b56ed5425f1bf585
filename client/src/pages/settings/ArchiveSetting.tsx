import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { setGuideArchived } from '../../api/guides.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { apiErrorDetail } from '../../i18n/apiErrorMessage.ts';
import { formatDate } from '../../i18n/formatDate.ts';
import { isolate } from '../../i18n/isolate.ts';

/** Archive the guide (after a confirmation: everyone is made read-only at once) or take it out of the archive. */
export function ArchiveSetting({ guide, onChanged }: { guide: GuideView; onChanged: () => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const archived = guide.state === 'archived';
  const change = useSubmit(
    async (next: boolean) => {
      await setGuideArchived(guide.id, next);
      await onChanged();
    },
    { describeError: (err) => apiErrorDetail(err, t) },
  );

  return (
    <section className="card settings-card" aria-labelledby={`${id}-heading`} data-testid="archive-setting">
      <h2 id={`${id}-heading`}>{t('guideSettings.archiveHeading')}</h2>
      <p className="muted">{t('guideSettings.archiveExplain')}</p>
      {archived && guide.archivedAt && <p data-testid="archived-since">{t('guideSettings.archivedSince', { date: formatDate(guide.archivedAt, i18n.language) })}</p>}
      <button
        type="button"
        className="button"
        disabled={change.busy}
        onClick={() => (archived ? void change.submit(false) : setConfirming(true))}
      >
        {archived ? t('guideSettings.unarchive') : t('guideSettings.archive')}
      </button>
      {change.error && (
        <p className="form-error" role="alert">
          {t('guideSettings.actionError', { message: change.error })}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('guideSettings.archiveConfirmTitle', { title: isolate(guide.title) })}
          body={t('guideSettings.archiveConfirmBody')}
          confirmLabel={t('guideSettings.archive')}
          cancelLabel={t('guideSettings.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={async () => {
            await change.submit(true);
            setConfirming(false);
          }}
        />
      )}
    </section>
  );
}
