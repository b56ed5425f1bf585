import { useTranslation } from 'react-i18next';
import { SECTION_STATUSES, type AssigneeProgressView, type GuideProgressView } from '@dalil/shared';

/**
 * Sections per person and state, one table per role: authors write, reviewers decide, and a
 * reviewer is not credited with the drafts they will review. "Late" counts what waits on that role.
 */
export function AssigneeTable({ progress }: { progress: GuideProgressView }) {
  const { t } = useTranslation();
  if (progress.assignees.length === 0) return <p className="muted">{t('dashboard.noAssignees')}</p>;
  return (
    <div className="assignee-tables">
      {(['author', 'reviewer'] as const).map((role) => {
        const rows = progress.assignees.filter((a) => a.role === role);
        return rows.length === 0 ? null : <RoleTable key={role} role={role} rows={rows} />;
      })}
    </div>
  );
}

function RoleTable({ role, rows }: { role: AssigneeProgressView['role']; rows: AssigneeProgressView[] }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="progress-table" data-testid={role === 'author' ? 'assignees-progress' : 'reviewers-progress'}>
        <caption className="progress-table__caption">{t(`progressPeople.${role}sTitle`)}</caption>
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
          {rows.map((a) => (
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
