import { useTranslation } from 'react-i18next';
import type { GuideProgressView } from '@dalil/shared';
import { formatDate, formatDay } from '../../i18n/formatDate.ts';
import { isolate } from '../../i18n/isolate.ts';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** One row per section: state, who, words, open threads, last activity, due date (late ones flagged). */
export function SectionProgressTable({ progress, language }: { progress: GuideProgressView; language: string }) {
  const { t, i18n } = useTranslation();
  const names = new Map(progress.assignees.map((a) => [a.userId, a.name]));
  return (
    <div className="table-scroll">
      <table className="progress-table" data-testid="sections-progress">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.section')}</th>
            <th scope="col">{t('dashboard.status')}</th>
            <th scope="col">{t('dashboard.assignees')}</th>
            <th scope="col" className="num">{t('dashboard.words')}</th>
            <th scope="col" className="num">{t('dashboard.openThreads')}</th>
            <th scope="col">{t('dashboard.lastActivity')}</th>
            <th scope="col">{t('dashboard.due')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.sections.map((s) => (
            <tr key={s.id} className={s.overdue ? 'progress-table__row--overdue' : undefined}>
              <th scope="row" className={s.parentId ? 'progress-table__sub' : undefined}>
                <Link to={paths.section(progress.guideId, s.id)} dir="auto" lang={language}>
                  {s.title}
                </Link>
              </th>
              <td>
                {/* a chapter heading has nothing to validate: say so rather than show it as a pending draft */}
                {s.heading ? (
                  <span className="muted" data-testid="heading-not-counted">
                    {t('progressPeople.headingNotCounted')}
                  </span>
                ) : (
                  <span className={`badge badge--${s.status}`}>{t(`toc.status.${s.status}`)}</span>
                )}
              </td>
              <td>
                {/* authors and reviewers apart: a reviewer is not credited with the drafts they review */}
                {s.authorIds.length > 0 && (
                  <span className="progress-table__people">
                    {t('progressPeople.authors', { names: s.authorIds.map((id) => isolate(names.get(id) ?? '—')).join(', ') })}
                  </span>
                )}
                {s.reviewerIds.length > 0 && (
                  <span className="progress-table__people progress-table__people--reviewers">
                    {t('progressPeople.reviewers', { names: s.reviewerIds.map((id) => isolate(names.get(id) ?? '—')).join(', ') })}
                  </span>
                )}
              </td>
              <td className="num">{s.wordCount}</td>
              <td className="num">{s.openThreads}</td>
              <td>{formatDate(s.lastActivityAt, i18n.language)}</td>
              <td>
                {s.dueDate && (
                  <time className="progress-table__due" dateTime={s.dueDate}>
                    {formatDay(s.dueDate, i18n.language)}
                  </time>
                )}
                {s.overdue && <span className="badge badge--overdue">{t('dashboard.overdueBadge')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
