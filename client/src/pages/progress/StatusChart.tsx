import { useTranslation } from 'react-i18next';
import { SECTION_STATUSES, type GuideProgressView } from '@dalil/shared';

/**
 * Sections per state as one stacked bar, with a legend that carries the numbers (the bar itself
 * is decoration for sighted readers; the legend is what assistive technology reads).
 */
export function StatusChart({ progress }: { progress: GuideProgressView }) {
  const { t } = useTranslation();
  const total = Math.max(progress.total, 1);
  return (
    <figure className="status-chart" data-testid="status-chart">
      <figcaption className="status-chart__caption">{t('dashboard.chartLabel')}</figcaption>
      <div className="status-chart__bar" aria-hidden="true">
        {SECTION_STATUSES.map((status) =>
          progress.byStatus[status] > 0 ? (
            <span key={status} className={`status-chart__segment status-chart__segment--${status}`} style={{ flexGrow: progress.byStatus[status] / total }}>
              {progress.byStatus[status]}
            </span>
          ) : null,
        )}
        {progress.total === 0 && <span className="status-chart__segment status-chart__segment--empty" style={{ flexGrow: 1 }} />}
      </div>
      <ul className="status-chart__legend">
        {SECTION_STATUSES.map((status) => (
          <li key={status} data-testid={`count-${status}`}>
            <span className={`status-chart__swatch status-chart__segment--${status}`} aria-hidden="true" />
            <span>{t(`toc.status.${status}`)}</span>
            <strong>{progress.byStatus[status]}</strong>
          </li>
        ))}
      </ul>
    </figure>
  );
}
