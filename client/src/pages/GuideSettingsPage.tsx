import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { NumberingSetting } from '../content/NumberingSetting.tsx';
import { isolate } from '../i18n/isolate.ts';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { GuideSubpage } from './guide/GuideSubpage.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { GeneralSettings } from './settings/GeneralSettings.tsx';
import { ArchiveSetting } from './settings/ArchiveSetting.tsx';
import { DeleteSetting } from './settings/DeleteSetting.tsx';
import './settings/settings.css';

/** `/guides/:guideId/settings`: the coordinator renames, re-languages, numbers, archives or deletes the guide. */
export default function GuideSettingsPage({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const { state, refresh } = useGuideView(guideId);
  if (state.kind !== 'ready') return <GuideNotReady state={state} loadingLabel={t('guideSettings.loading')} />;
  return <GuideSettings guide={state.guide} refresh={refresh} />;
}

function GuideSettings({ guide, refresh }: { guide: GuideView; refresh: () => Promise<void> }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = [t('guideSettings.pageTitle'), guide.title, t('app.name')].join(' — ');
  }, [guide.title, t]);
  const may = (action: GuideView['permissions'][number]) => guide.permissions.includes(action);

  return (
    <GuideSubpage guide={guide} className="settings-page" title={t('guideSettings.title', { title: isolate(guide.title) })} intro={t('guideSettings.intro')}>
      {!may('guide.update') && !may('guide.archive') && <p role="alert">{t('errors.forbidden')}</p>}
      {guide.state === 'archived' && (
        <p className="settings-page__archived" role="status" data-testid="archived-notice">
          {t('guideSettings.archivedBanner')}
        </p>
      )}
      {may('guide.update') && <GeneralSettings guide={guide} onSaved={refresh} />}
      {may('guide.update') && <NumberingSetting guide={guide} onChanged={refresh} />}
      {may('guide.archive') && <ArchiveSetting guide={guide} onChanged={refresh} />}
      {may('guide.delete') && <DeleteSetting guide={guide} />}
    </GuideSubpage>
  );
}
