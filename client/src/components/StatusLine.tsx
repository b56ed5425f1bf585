import { useTranslation } from 'react-i18next';
import type { CollabStatus } from '../collaboration/status.ts';

interface StatusLineProps {
  status: CollabStatus;
  wordCount?: number | undefined;
}

/**
 * Connection and save state of the open section. Only the connection part is a live region:
 * "saving…/saved" changes with every keystroke and would be noise for a screen reader.
 */
export function StatusLine({ status, wordCount }: StatusLineProps) {
  const { t } = useTranslation();
  const { connection, save } = status;
  const showSave = (connection === 'connected' || connection === 'syncing') && save !== 'unknown';
  return (
    <div className="status-line" data-connection={connection} data-save={save} aria-label={t('status.label')} role="group">
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
      {wordCount !== undefined && <span className="status-line__words">{t('toc.words', { count: wordCount })}</span>}
    </div>
  );
}
