import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashedSectionView } from '@dalil/shared';
import { listTrash } from '../api/sections.ts';
import { formatDate } from '../i18n/formatDate.ts';
import { apiErrorDetail } from '../i18n/apiErrorMessage.ts';
import { useLatestResponse } from '../hooks/useLatestResponse.ts';

interface TrashPanelProps {
  guideId: string;
  /** Changes whenever the structure does, so an open trash stays current. */
  structureVersion: number;
  onRestore: (sectionId: string, title: string) => Promise<void>;
}

/**
 * Sections deleted together share a deletionId; only the top of each deleted subtree is listed,
 * since restoring it brings its sub-sections back too.
 */
function deletionRoots(items: TrashedSectionView[]): TrashedSectionView[] {
  const ids = new Set(items.map((item) => `${item.deletionId}:${item.id}`));
  return items
    .filter((item) => !(item.parentId && ids.has(`${item.deletionId}:${item.parentId}`)))
    .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
}

export function TrashPanel({ guideId, structureVersion, onRestore }: TrashPanelProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<TrashedSectionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const regionId = useId();
  const latest = useLatestResponse();

  useEffect(() => {
    if (!open) return undefined;
    void latest(() => listTrash(guideId)).then((outcome) => {
      if (!outcome) return;
      if (outcome.ok) {
        setItems(deletionRoots(outcome.value));
        setError(null);
      } else setError(apiErrorDetail(outcome.error, t));
    });
    return undefined;
  }, [open, guideId, structureVersion]);

  return (
    <section className="trash">
      <button type="button" className="trash__toggle" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((value) => !value)}>
        <span aria-hidden="true" className="trash__chevron">▸</span>
        {items && items.length > 0 ? t('toc.trashCount', { count: items.length }) : t('toc.trash')}
      </button>
      <div id={regionId} hidden={!open} className="trash__content">
        {error && <p className="form-error" role="alert">{t('toc.actionError', { message: error })}</p>}
        {items?.length === 0 && <p className="muted">{t('toc.trashEmpty')}</p>}
        {items && items.length > 0 && (
          <ul className="trash__list">
            {items.map((item) => (
              <li key={item.id} className="trash__item">
                <span className="trash__title" dir="auto">{item.title}</span>
                <span className="trash__date">{t('toc.deletedAt', { date: formatDate(item.deletedAt, i18n.language) })}</span>
                <button type="button" className="button button--small" aria-label={t('toc.restoreLabel', { title: item.title })} onClick={() => void onRestore(item.id, item.title)}>
                  {t('toc.restore')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
