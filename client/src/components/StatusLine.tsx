import { useTranslation } from 'react-i18next';
import type { CollabStatus } from '../collaboration/status.ts';

interface StatusLineProps {
  status: CollabStatus;
  wordCount?: number | undefined;
}

/**
 * Connection and save state of the open section. Only the connection part is a live region:
 * "saving…/saved" and the pending count change with every keystroke and would be noise for a
 * screen reader. Without a socket, "saving…" would never end: the line says instead how many
 * changes wait to be sent (or that none do).
 */
export function StatusLine({ status, wordCount }: StatusLineProps) {
  const { t } = useTranslation();
  const { connection, save, pending } = status;
  const showSave = (connection === 'connected' || connection === 'syncing') && save !== 'unknown';
  const showPending =
    !showSave && pending != null && (pending > 0 || connection === 'offline' || connection === 'refused');
  return (
    <div
      className="status-line"
      data-connection={connection}
      data-save={save}
      data-pending={pending ?? undefined}
      aria-label={t('status.label')}
      role="group"
    >
      <span className="status-line__connection" role="status" aria-live="polite">
        <span className="status-dot" aria-hidden="true" />
        {t(`status.${connection}`)}
      </span>
      {showSave && (
        <span className="status-line__save" data-testid="save-status">
          {save === 'saved' ? '✓ ' : ''}
          {t(`status.${save}`)}
        </span>
      )}
      {showPending && (
        <span className="status-line__pending" data-testid="pending-changes" title={t('status.pendingHint')}>
          {t('status.pending', { count: pending })}
        </span>
      )}
      {wordCount !== undefined && <span className="status-line__words">{t('toc.words', { count: wordCount })}</span>}
    </div>
  );
}
