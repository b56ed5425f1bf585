import { useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GuideView } from '@dalil/shared';
import type { Participant } from '../../collaboration/presence.ts';
import { PresenceAvatars } from '../../components/PresenceAvatars.tsx';
import { ExportMenu } from '../../export/ExportMenu.tsx';
import { Link } from '../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { MoreMenu } from './header/MoreMenu.tsx';
import { usePriorityOverflow } from './header/usePriorityOverflow.ts';
import './header/guideBar.css';

interface GuideBarProps {
  guide: GuideView;
  participants: Participant[];
  /** Open comment threads in the whole guide. */
  totalOpenThreads: number;
  canReadMembers: boolean;
}

interface BarItem {
  key: string;
  /** The item in the bar, or in the "more" list (same element; the list styles it as a row). */
  render: (where: 'bar' | 'menu') => ReactNode;
}

/**
 * The guide's title, who is here, and the links to its other pages, in the app header. The title
 * comes first and is shown whole when it can be; the links follow in order of use and those that
 * do not fit go into a "More" list, so the bar works from a 360 px phone to a wide screen.
 */
export function GuideBar({ guide, participants, totalOpenThreads, canReadMembers }: GuideBarProps) {
  const { t, i18n } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLAnchorElement>(null);
  const presence = useRef<HTMLDivElement>(null);
  const more = useRef<HTMLDivElement>(null);
  const may = (action: GuideView['permissions'][number]) => guide.permissions.includes(action);
  const linkClass = (where: 'bar' | 'menu') => (where === 'bar' ? 'button button--small guide-bar__link' : 'menu__item guide-bar__menu-link');

  const items: BarItem[] = [
    {
      key: 'comments',
      render: (where) => (
        <Link to={paths.threads(guide.id)} className={linkClass(where)}>
          {t('nav.comments')}
          {totalOpenThreads > 0 && (
            <>
              <span className="guide-bar__count" aria-hidden="true">
                {totalOpenThreads}
              </span>
              <span className="visually-hidden">{t('comments.openThreads', { count: totalOpenThreads })}</span>
            </>
          )}
        </Link>
      ),
    },
    ...(canReadMembers
      ? [{ key: 'members', render: (where: 'bar' | 'menu') => <Link to={paths.members(guide.id)} className={linkClass(where)}>{t('nav.members')}</Link> }]
      : []),
    {
      key: 'progress',
      render: (where) => (
        <Link to={paths.progress(guide.id)} className={linkClass(where)} data-testid="progress-link">
          {t('dashboard.link')}
        </Link>
      ),
    },
    ...(may('guide.export') ? [{ key: 'export', render: () => <ExportMenu guideId={guide.id} /> }] : []),
    {
      key: 'read',
      render: (where) => (
        <Link to={paths.read(guide.id)} className={linkClass(where)} data-testid="read-link">
          {t('versions.readLink')}
        </Link>
      ),
    },
    {
      key: 'versions',
      render: (where) => (
        <Link to={paths.versions(guide.id)} className={linkClass(where)} data-testid="versions-link">
          {t('versions.versionsLink')}
        </Link>
      ),
    },
    ...(may('guide.update') || may('guide.archive')
      ? [
          {
            key: 'settings',
            render: (where: 'bar' | 'menu') => (
              <Link to={paths.settings(guide.id)} className={linkClass(where)} data-testid="settings-link">
                {t('guideSettings.link')}
              </Link>
            ),
          },
        ]
      : []),
  ];
  const keys = items.map((item) => item.key);
  const refs = useMemo(() => ({ bar, title, fixed: [presence], more }), []);
  // a new title or language changes the widths to share
  const shown = usePriorityOverflow(keys, refs, `${i18n.language}|${guide.title}|${totalOpenThreads > 0}`);
  const inBar = items.slice(0, shown);
  const inMenu = items.slice(shown);

  return (
    <div className="guide-bar" ref={bar}>
      <Link to={paths.guide(guide.id)} className="guide-bar__title" dir="auto" lang={guide.language} ref={title}>
        {guide.title}
      </Link>
      <div className="guide-bar__presence" ref={presence}>
        <PresenceAvatars participants={participants} sections={guide.sections} />
      </div>
      <nav className="guide-bar__nav" aria-label={t('guideHeader.pages')}>
        {inBar.map((item) => (
          <div key={item.key} className="guide-bar__item" data-bar-item={item.key}>
            {item.render('bar')}
          </div>
        ))}
        <MoreMenu ref={more} hidden={inMenu.length === 0}>
          {inMenu.map((item) => (
            <div key={item.key} className="guide-bar__menu-row">
              {item.render('menu')}
            </div>
          ))}
        </MoreMenu>
      </nav>
    </div>
  );
}
