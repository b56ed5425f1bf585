import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSummary } from '@dalil/shared';
import { formatDate } from '../../i18n/formatDate.ts';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** One guide in the list: its title (a link unless it is in the trash), language, role and figures. */
export function GuideCard({ guide, children }: { guide: GuideSummary; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="guide-card" data-guide-state={guide.state}>
      {guide.state === 'trashed' ? (
        <span className="guide-card__link guide-card__link--trashed" dir="auto" lang={guide.language}>
          {guide.title}
        </span>
      ) : (
        <Link to={paths.guide(guide.id)} className="guide-card__link" dir="auto" lang={guide.language}>
          {guide.title}
        </Link>
      )}
      <p className="guide-card__meta">
        <span className="chip">{t(`language.${guide.language}`)}</span>
        <span className="chip chip--role" data-testid="guide-role">{t(`roles.${guide.role}`)}</span>
        {guide.state === 'archived' && <span className="chip">{t('guideSettings.archivedChip')}</span>}
        <span>{t('guides.sectionCount', { count: guide.sectionCount })}</span>
        {guide.openThreads > 0 && guide.state === 'active' && <span data-testid="guide-open-threads">{t('comments.openThreads', { count: guide.openThreads })}</span>}
        {guide.purgeAt ? (
          <span data-testid="guide-purge-at">{t('guideSettings.purgeOn', { date: formatDate(guide.purgeAt, i18n.language) })}</span>
        ) : (
          <span>{t('guides.updated', { date: formatDate(guide.updatedAt, i18n.language) })}</span>
        )}
      </p>
      {children}
    </li>
  );
}
