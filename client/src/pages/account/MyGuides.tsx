import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideSummary } from '@dalil/shared';
import { listGuides } from '../../api/guides.ts';
import { apiErrorMessage } from '../../i18n/apiErrorMessage.ts';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** The guides one belongs to and one's role in each (roles differ from guide to guide). */
export function MyGuides() {
  const { t } = useTranslation();
  const [guides, setGuides] = useState<GuideSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listGuides().then(setGuides, (err: unknown) => setError(apiErrorMessage(err, t)));
  }, [t]);

  return (
    <section className="card account-card" aria-labelledby="my-guides-heading">
      <h2 id="my-guides-heading">{t('account.guidesHeading')}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      {guides === null && !error && <p className="muted" role="status">{t('guides.loading')}</p>}
      {guides?.length === 0 && <p className="muted">{t('account.noGuides')}</p>}
      {guides && guides.length > 0 && (
        <ul className="my-guides" data-testid="my-guides">
          {guides.map((guide) => (
            <li key={guide.id} className="my-guides__item">
              <Link to={paths.guide(guide.id)} dir="auto" lang={guide.language}>
                {guide.title}
              </Link>
              <span className="chip" data-role={guide.role}>{t(`roles.${guide.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
