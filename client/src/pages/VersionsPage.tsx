import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import type { VersionSummary } from '@dalil/shared/api/versions.ts';
import { listVersions } from '../api/versions.ts';
import { apiErrorMessage } from '../i18n/apiErrorMessage.ts';
import { isolate } from '../i18n/isolate.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { GuideNotReady } from './guide/GuideNotReady.tsx';
import { GuideSubpage } from './guide/GuideSubpage.tsx';
import { useGuideView } from './guide/useGuideView.ts';
import { CompareVersions } from './versions/CompareVersions.tsx';
import { CreateVersionForm } from './versions/CreateVersionForm.tsx';
import { VersionList } from './versions/VersionList.tsx';
import './versions/versions.css';

/** `/guides/:guideId/versions`: the guide's frozen versions, making one, comparing, restoring. */
export default function VersionsPage({ guideId }: { guideId: string }) {
  const { t } = useTranslation();
  const { state } = useGuideView(guideId);
  if (state.kind !== 'ready') return <GuideNotReady state={state} loadingLabel={t('guide.loading')} />;
  return <Versions guide={state.guide} />;
}

function Versions({ guide }: { guide: GuideView }) {
  const { t } = useTranslation();
  const [versions, setVersions] = useState<{ list: VersionSummary[] } | { error: unknown } | null>(null);
  const reload = useCallback(async () => {
    try {
      setVersions({ list: (await listVersions(guide.id)).versions });
    } catch (error) {
      setVersions({ error });
    }
  }, [guide.id]);
  useEffect(() => void reload(), [reload]);
  useEffect(() => {
    document.title = [t('versions.versionsLink'), guide.title, t('app.name')].join(' — ');
  }, [guide.title, t]);
  const canManage = guide.permissions.includes('versions.manage');

  return (
    <GuideSubpage guide={guide} className="versions-page" title={t('versions.pageTitle', { title: isolate(guide.title) })} intro={t('versions.intro')}>
      <p>
        <Link to={paths.read(guide.id)} className="button button--small" data-testid="read-link">
          {t('versions.readLink')}
        </Link>
      </p>
      {canManage && <CreateVersionForm guideId={guide.id} language={guide.language} onCreated={() => void reload()} />}
      <section className="versions-card" aria-labelledby="versions-list-title">
        <h2 id="versions-list-title">{t('versions.listTitle')}</h2>
        {versions === null && <p className="muted" role="status">{t('guide.loading')}</p>}
        {versions && 'error' in versions && (
          <p className="form-error" role="alert">
            {apiErrorMessage(versions.error, t)}
          </p>
        )}
        {versions && 'list' in versions && <VersionList guideId={guide.id} versions={versions.list} canExport={guide.permissions.includes('guide.export')} />}
      </section>
      {versions && 'list' in versions && versions.list.length > 0 && (
        <CompareVersions key={versions.list.length} guideId={guide.id} language={guide.language} versions={versions.list} canRestore={canManage} />
      )}
    </GuideSubpage>
  );
}
