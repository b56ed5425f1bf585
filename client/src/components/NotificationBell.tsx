import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationView } from '@dalil/shared';
import { formatDate } from '../i18n/formatDate.ts';
import { isolate } from '../i18n/isolate.ts';
import { markRead, useNotifications } from '../notifications/notificationStore.ts';
import { Link } from '../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';

/** Where a notification leads: its section, and the comment thread when it is about one. */
function targetOf(n: NotificationView): string {
  if (!n.sectionId) return paths.guide(n.guideId);
  return n.threadId ? paths.thread(n.guideId, n.sectionId, n.threadId) : paths.section(n.guideId, n.sectionId);
}

/** The bell in the header: unread count, and the latest notifications in a popover. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { unread, items } = useNotifications();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent): void => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function close(): void {
    setOpen(false);
    button.current?.focus();
  }

  return (
    <div className="bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="bell__button"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={unread > 0 ? t('notifications.bell', { count: unread }) : t('notifications.bellNone')}
        data-testid="notification-bell"
        onClick={() => setOpen((value) => !value)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 3A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.4l-1.7-3V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z" fill="currentColor" />
        </svg>
        {unread > 0 && (
          <span className="bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          className="popover bell__popover"
          role="region"
          aria-label={t('notifications.title')}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <div className="bell__head">
            <h2 className="bell__title">{t('notifications.title')}</h2>
            {unread > 0 && (
              <button type="button" className="button button--small button--quiet" onClick={() => void markRead()}>
                {t('notifications.markAllRead')}
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted bell__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="bell__list">
              {items.map((n) => (
                <li key={n.id} className={`bell__item${n.readAt === null ? ' bell__item--unread' : ''}`}>
                  <Link
                    to={targetOf(n)}
                    className="bell__link"
                    onClick={() => {
                      if (n.readAt === null) void markRead([n.id]);
                      setOpen(false);
                    }}
                  >
                    <span className="bell__text">
                      {t(`notifications.kind.${n.kind}`, {
                        actor: isolate(n.actorName),
                        section: isolate(n.sectionTitle ?? t('notifications.noSection')),
                      })}
                    </span>
                    {n.note && (
                      <span className="bell__note" dir="auto">
                        {n.note}
                      </span>
                    )}
                    <span className="bell__meta">
                      <span dir="auto">{n.guideTitle}</span> · {formatDate(n.createdAt, i18n.language)}
                      {n.readAt === null && <span className="visually-hidden"> · {t('notifications.unreadMark')}</span>}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
