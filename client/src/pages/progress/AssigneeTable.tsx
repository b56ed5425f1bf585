import { useTranslation } from 'react-i18next';
import { SECTION_STATUSES, type GuideProgressView } from '@dalil/shared';

/** Sections per person and state (authors and reviewers alike), with their late ones. */
export function AssigneeTable({ progress }: { progress: GuideProgressView }) {
  const { t } = useTranslation();
  if (progress.assignees.length === 0) return <p className="muted">{t('dashboard.noAssignees')}</p>;
  return (
    <div className="table-scroll">
      <table className="progress-table" data-testid="assignees-progress">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.person')}</th>
            {SECTION_STATUSES.map((status) => (
              <th key={status} scope="col" className="num">
                {t(`toc.status.${status}`)}
              </th>
            ))}
            <th scope="col" className="num">{t('dashboard.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.assignees.map((a) => (
            <tr key={a.userId}>
              <th scope="row" dir="auto">{a.name}</th>
              {SECTION_STATUSES.map((status) => (
                <td key={status} className="num">
                  {a[status]}
                </td>
              ))}
              <td className="num">{a.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
