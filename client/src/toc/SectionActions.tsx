import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type SectionAction = 'rename' | 'addChild' | 'assign' | 'import' | 'up' | 'down' | 'indent' | 'outdent' | 'delete';

interface SectionActionsProps {
  title: string;
  /** Actions that would do nothing here (first item cannot move up…) are left out. */
  available: ReadonlySet<SectionAction>;
  onAction: (action: SectionAction) => void;
}

const ORDER: SectionAction[] = ['rename', 'addChild', 'assign', 'import', 'up', 'down', 'indent', 'outdent', 'delete'];
const LABEL_KEYS = {
  rename: 'toc.rename',
  addChild: 'toc.addSubsection',
  assign: 'assign.action',
  import: 'import.sectionAction',
  up: 'toc.moveUp',
  down: 'toc.moveDown',
  indent: 'toc.indent',
  outdent: 'toc.outdent',
  delete: 'toc.delete',
} as const;

/**
 * The "⋯" menu of a table-of-contents entry (ARIA menu button: arrows move, Escape closes and
 * returns focus). It is also how touch users move sections, since drag and drop needs a mouse.
 */
export function SectionActions({ title, available, onAction }: SectionActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = ORDER.filter((action) => available.has(action));

  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent): void => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  function close(returnFocus: boolean): void {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>): void {
    const entries = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const focus = (i: number): void => entries[(i + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') focus(index + 1);
    else if (event.key === 'ArrowUp') focus(index - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(entries.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      close(event.key === 'Escape');
      if (event.key === 'Tab') return;
    } else return;
    event.preventDefault();
  }

  return (
    <div className="section-actions">
      <button
        ref={button}
        type="button"
        className="icon-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('toc.actionsFor', { title })}
        title={t('toc.actionsFor', { title })}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div className="menu" role="menu" ref={menu} aria-label={t('toc.actionsFor', { title })} onKeyDown={onMenuKey}>
          {items.map((action) => (
            <button
              key={action}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={action === 'delete' ? 'menu__item menu__item--danger' : 'menu__item'}
              data-action={action}
              onClick={() => {
                // the action may rerender the row (rename form, move): do not pull focus back here
                close(false);
                onAction(action);
              }}
            >
              {t(LABEL_KEYS[action])}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
