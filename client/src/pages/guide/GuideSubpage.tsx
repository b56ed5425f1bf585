import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import { AppHeader } from '../../components/AppHeader.tsx';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import './guideSubpage.css';

interface GuideSubpageProps {
  guide: GuideView;
  /** Extra class of the `main` element (the page's own styles). */
  className: string;
  title: string;
  intro?: string;
  children: ReactNode;
}

/** A page about one guide (members, progress, comments): header, way back to the guide, title. */
export function GuideSubpage({ guide, className, title, intro, children }: GuideSubpageProps) {
  const { t } = useTranslation();
  return (
    <>
      <AppHeader>
        <div className="guide-bar">
          <Link to={paths.guide(guide.id)} className="guide-bar__title" dir="auto" lang={guide.language}>
            {guide.title}
          </Link>
        </div>
      </AppHeader>
      <main id="main" className={`page ${className}`} tabIndex={-1}>
        <div className="page__intro">
          <p className="subpage__back">
            <Link to={paths.guide(guide.id)}>
              <span aria-hidden="true" className="subpage__arrow">
                ←
              </span>
              {t('members.backToGuide')}
            </Link>
          </p>
          <h1>{title}</h1>
          {intro && <p className="muted">{intro}</p>}
        </div>
        {children}
      </main>
    </>
  );
}
