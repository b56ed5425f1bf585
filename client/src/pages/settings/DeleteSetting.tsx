import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { trashGuide } from '../../api/guides.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useSubmit } from '../../hooks/useSubmit.ts';
import { apiErrorDetail } from '../../i18n/apiErrorMessage.ts';
import { isolate } from '../../i18n/isolate.ts';
import { navigate } from '../../routing/history.ts';
import { paths } from '@dalil/shared/routes';

/** Sends the guide to the trash after a confirmation that says how long it stays restorable; then back to the list, where the trash shows it. */
export function DeleteSetting({ guide }: { guide: GuideView }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const explain = t('guideSettings.deleteExplain', { count: guide.trashDays });
  const remove = useSubmit(
    async () => {
      await trashGuide(guide.id);
      navigate(paths.guides());
    },
    { describeError: (err) => apiErrorDetail(err, t), staysBusyOnSuccess: true },
  );

  return (
    <section className="card settings-card settings-card--danger" aria-labelledby={`${id}-heading`} data-testid="delete-setting">
      <h2 id={`${id}-heading`}>{t('guideSettings.deleteHeading')}</h2>
      <p className="muted">{explain}</p>
      <button type="button" className="button button--danger" disabled={remove.busy} onClick={() => setConfirming(true)}>
        {t('guideSettings.delete')}
      </button>
      {remove.error && (
        <p className="form-error" role="alert">
          {t('guideSettings.actionError', { message: remove.error })}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('guideSettings.deleteConfirmTitle', { title: isolate(guide.title) })}
          body={explain}
          confirmLabel={t('guideSettings.deleteConfirm')}
          cancelLabel={t('guideSettings.cancel')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => remove.submit()}
        />
      )}
    </section>
  );
}
