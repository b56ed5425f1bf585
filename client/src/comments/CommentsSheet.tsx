import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface CommentsSheetProps {
  title: string;
  /** Which content is shown ('list' or a thread id): a new one takes the focus if it was lost. */
  view: string;
  /** Buttons beside the title (e.g. back to all threads). */
  tools?: ReactNode;
  onClose: () => void;
  /** Called as the sheet goes away while focus was inside it: put focus back where it came from. */
  returnFocus: () => void;
  children: ReactNode;
}

/** CSS variable read by comments.css: how much of the viewport's bottom the sheet covers. */
const SIZE_VARIABLE = '--comments-sheet-size';

/**
 * Comments on a narrow screen: a sheet over the bottom of the viewport, the text still readable
 * (and selectable) above it. A non-modal dialog: no focus trap, since the reader goes back and
 * forth between the thread and its text; Escape or the close button closes it.
 */
export function CommentsSheet({ title, view, tools, onClose, returnFocus, children }: CommentsSheetProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const sheet = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusInside = useRef(false);
  const restore = useRef(returnFocus);
  restore.current = returnFocus;

  // The text's scroll area keeps room for the sheet, so its last lines and the commented words can
  // be scrolled above it. Measured before paint, so a scroll to the anchor right after sees it.
  useLayoutEffect(() => {
    const element = sheet.current;
    if (!element) return undefined;
    const root = document.documentElement;
    const measure = () => root.style.setProperty(SIZE_VARIABLE, `${Math.ceil(element.getBoundingClientRect().height)}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(SIZE_VARIABLE);
    };
  }, []);

  // a new view (opened, or switched between a thread and the list) is announced by moving focus to
  // its title, unless something in it already took focus (the new comment's text box)
  useEffect(() => {
    const element = sheet.current;
    if (element && !element.contains(document.activeElement)) heading.current?.focus({ preventScroll: true });
  }, [view]);

  useLayoutEffect(
    () => () => {
      if (focusInside.current) restore.current();
    },
    [],
  );

  return (
    <section
      ref={sheet}
      className="comments-sheet"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      data-testid="comments-sheet"
      onFocus={() => {
        focusInside.current = true;
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) focusInside.current = false;
      }}
      onKeyDown={(event) => {
        // a text box or the mention list may use Escape first (cancel an edit, close the list)
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <div className="comments-sheet__header">
        <h2 id={titleId} ref={heading} className="comments-sheet__title" tabIndex={-1}>
          {title}
        </h2>
        {tools}
        <button type="button" className="comments-sheet__close" onClick={onClose} aria-label={t('phoneComments.close')} title={t('phoneComments.close')}>
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      <div className="comments-sheet__body">{children}</div>
    </section>
  );
}
