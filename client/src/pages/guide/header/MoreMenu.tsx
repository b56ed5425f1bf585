import { forwardRef, useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useClickOutside } from '../../../hooks/useClickOutside.ts';
import { useTranslation } from 'react-i18next';

/**
 * The header's "More" disclosure: the guide pages that did not fit in the bar. A plain button and
 * a list of links (not an ARIA menu): Tab and Enter work as everywhere else. Escape or a click
 * elsewhere closes it; following a link closes it too.
 */
export const MoreMenu = forwardRef<HTMLDivElement, { children: ReactNode; hidden?: boolean }>(function MoreMenu({ children, hidden }, ref) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useClickOutside(root, open, close);
  useEffect(() => {
    if (hidden) setOpen(false);
  }, [hidden]);

  return (
    <div
      className="more-menu"
      hidden={hidden}
      ref={(node) => {
        root.current = node;
        if (typeof ref === 'function') ref(node);
        else if (ref) ref.current = node;
      }}
      data-testid="guide-more-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="button button--small more-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="more-menu__icon">☰</span>
        {t('guideHeader.more')}
      </button>
      <div
        id={panelId}
        className="menu more-menu__panel"
        hidden={!open}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a')) setOpen(false);
        }}
      >
        {children}
      </div>
    </div>
  );
});
