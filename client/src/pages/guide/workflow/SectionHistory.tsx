import { useTranslation } from 'react-i18next';
import type { WorkflowEventView } from '@dalil/shared';
import { formatDate } from '../../../i18n/formatDate.ts';

/** Every transition of the section, newest first, folded by default. */
export function SectionHistory({ history }: { history: WorkflowEventView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <details className="history" data-testid="section-history">
      <summary>
        {t('workflow.history')} ({history.length})
      </summary>
      {history.length === 0 ? (
        <p className="muted">{t('workflow.historyEmpty')}</p>
      ) : (
        <ol className="history__list">
          {[...history].reverse().map((e) => (
            <li key={e.id} className="history__item">
              <span className="history__states">
                <span className={`badge badge--${e.from}`}>{t(`toc.status.${e.from}`)}</span>
                <span aria-hidden="true" className="history__arrow">→</span>
                <span className={`badge badge--${e.to}`}>{t(`toc.status.${e.to}`)}</span>
              </span>
              <span className="history__who">{t('workflow.eventBy', { name: e.actorName, date: formatDate(e.createdAt, i18n.language) })}</span>
              {e.note && (
                <q className="history__note" dir="auto">
                  {e.note}
                </q>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
