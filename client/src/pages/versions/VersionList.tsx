import { useTranslation } from 'react-i18next';
import type { VersionSummary } from '@dalil/shared/api/versions.ts';
import { formatDate } from '../../i18n/formatDate.ts';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { ExportMenu } from '../../export/ExportMenu.tsx';

/** Every version of the guide, newest first; each opens read-only in the reading view. */
export function VersionList({ guideId, versions, canExport = false }: { guideId: string; versions: VersionSummary[]; canExport?: boolean }) {
  const { t, i18n } = useTranslation();
  if (versions.length === 0) return <p className="muted">{t('versions.none')}</p>;
  return (
    <ul className="versions-list" data-testid="version-list">
      {versions.map((v) => (
        <li key={v.id} className="versions-list__item" data-version-id={v.id}>
          <div className="versions-list__main">
            <span className={`badge ${v.kind === 'final' ? 'badge--validated' : 'badge--review'}`}>{t(`versions.kind.${v.kind}`)}</span>{' '}
            {v.label && (
              <strong dir="auto" className="versions-list__label">
                {v.label}
              </strong>
            )}
            <span className="muted">
              {' '}
              {formatDate(v.createdAt, i18n.language)} · {t('versions.by', { name: v.authorName })} · {t('versions.sections', { count: v.sectionCount })}
            </span>
            {v.kind === 'provisional' && v.notValidatedCount > 0 && <p className="versions-list__warning">{t('versions.notValidatedWarning', { count: v.notValidatedCount })}</p>}
            {v.note && (
              <p className="versions-list__note" dir="auto">
                {v.note}
              </p>
            )}
          </div>
          <Link to={paths.read(guideId, v.id)} className="button button--small">
            {t('versions.open')}
          </Link>
          {canExport && <ExportMenu guideId={guideId} versionId={v.id} label={t('export.versionMenuLabel', { label: v.label ?? formatDate(v.createdAt, i18n.language) })} />}
        </li>
      ))}
    </ul>
  );
}
