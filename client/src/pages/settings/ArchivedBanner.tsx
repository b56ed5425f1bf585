import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** Says, above the text, why nothing can be edited or commented in an archived guide; coordinators get the way to restore it. */
export function ArchivedBanner({ guide }: { guide: GuideView }) {
  const { t } = useTranslation();
  if (guide.state !== 'archived') return null;
  return (
    <p className="archived-banner" role="status" data-testid="archived-banner">
      <span>{t('guideSettings.archivedBanner')}</span>
      {guide.permissions.includes('guide.archive') && <Link to={paths.settings(guide.id)}>{t('guideSettings.archivedBannerAction')}</Link>}
    </p>
  );
}
