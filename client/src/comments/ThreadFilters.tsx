import { useTranslation } from 'react-i18next';
import { THREAD_FILTERS, type ThreadFilter } from './threadFilter.ts';

/** The filter buttons above the threads, each with its count. */
export function ThreadFilters({ filter, counts, onChange }: { filter: ThreadFilter; counts: Record<ThreadFilter, number>; onChange: (filter: ThreadFilter) => void }) {
  const { t } = useTranslation();
  return (
    <div className="comments__filters" role="group" aria-label={t('comments.filterLabel')}>
      {THREAD_FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          className="comments__filter"
          aria-pressed={filter === f}
          // "mine" is three things at once: say which, on hover and to screen readers
          title={f === 'mine' ? t('commentFilters.mineHint') : undefined}
          onClick={() => onChange(f)}
        >
          {t(`comments.filter.${f}`, { count: counts[f] })}
        </button>
      ))}
    </div>
  );
}
