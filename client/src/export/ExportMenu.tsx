import { useCallback, useRef, useState } from 'react';
import { useClickOutside } from '../hooks/useClickOutside.ts';
import { useTranslation } from 'react-i18next';
import { EXPORT_FORMATS, type ExportFormat } from '@dalil/shared';
import { apiErrorDetail } from '../i18n/apiErrorMessage.ts';
import { downloadExport, exportUrl, type ExportProgress } from './downloadExport.ts';
import './export.css';

type State = { kind: 'idle' } | { kind: 'working'; format: ExportFormat; progress: ExportProgress | null } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string };

function formatSize(bytes: number, locale: string): string {
  const units = ['o', 'ko', 'Mo'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}

/**
 * "Export" menu of the guide header (today's state) or of a version: one entry per format; while
 * the server prepares the file a spinner and a status line say so, then the bytes received; the
 * file is downloaded under the name the server gives it.
 */
export function ExportMenu({ guideId, versionId, label }: { guideId: string; versionId?: string; label?: string }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const root = useRef<HTMLDivElement>(null);

  const close = useCallback(() => setOpen(false), []);
  useClickOutside(root, open, close);
  // in the header the outcome shows in a small box under the button: a click elsewhere dismisses it
  const dismiss = useCallback(() => setState({ kind: 'idle' }), []);
  useClickOutside(root, state.kind === 'done' || state.kind === 'failed', dismiss);

  const run = async (format: ExportFormat) => {
    setOpen(false);
    setState({ kind: 'working', format, progress: null });
    try {
      const fileName = await downloadExport(exportUrl(guideId, format, versionId), (progress) => setState({ kind: 'working', format, progress }));
      setState({ kind: 'done', fileName });
    } catch (err) {
      setState({ kind: 'failed', message: apiErrorDetail(err, t) });
    }
  };

  const working = state.kind === 'working';
  const status =
    state.kind === 'working'
      ? state.progress
        ? t('export.receiving', { size: formatSize(state.progress.receivedBytes, i18n.language) })
        : t('export.preparing', { format: t(`export.formats.${state.format}`) })
      : state.kind === 'done'
        ? t('export.done', { fileName: state.fileName })
        : state.kind === 'failed'
          ? t('export.failed', { message: state.message })
          : '';

  return (
    <div className="export-menu" ref={root} data-testid={versionId ? `export-menu-${versionId}` : 'export-menu'}>
      <button
        type="button"
        className="button button--small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={label ?? t('export.menuLabel')}
        disabled={working}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        {working && <span className="export-menu__spinner" aria-hidden="true" />}
        {t('export.menu')}
      </button>
      {open && (
        <div className="menu export-menu__list" role="menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {EXPORT_FORMATS.map((format, i) => (
            <button key={format} type="button" role="menuitem" className="menu__item" autoFocus={i === 0} data-format={format} onClick={() => void run(format)}>
              {t(`export.formats.${format}`)}
            </button>
          ))}
        </div>
      )}
      <span className={`export-menu__status export-menu__status--${state.kind}`} role="status" aria-live="polite" data-testid="export-status">
        {status}
      </span>
    </div>
  );
}
