import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DEFAULT_IMPORT_SPLIT_LEVEL, IMPORT_SPLIT_LEVELS } from '@dalil/shared/api/importRules.ts';
import { countWords } from '@dalil/shared/editor';
import type { ImportedGuide, ImportedIntoSection, ImportPreview } from '@dalil/shared/api/import.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ImportError, uploadDocx, type ImportPhase } from './uploadDocx.ts';

/** Where the file goes: a new guide, or the end of a section (optionally split into sub-sections). */
export type ImportTarget = { kind: 'guide' } | { kind: 'section'; guideId: string; sectionId: string; sectionTitle: string; canSplit: boolean };

interface ImportDialogProps {
  target: ImportTarget;
  onClose: () => void;
  onImported: (result: ImportedGuide | ImportedIntoSection) => void;
}

type State =
  | { kind: 'choose' }
  | { kind: 'previewing'; phase: ImportPhase | null }
  | { kind: 'preview'; preview: ImportPreview }
  | { kind: 'importing'; preview: ImportPreview; phase: ImportPhase | null }
  | { kind: 'failed'; message: string; preview: ImportPreview | null };

/** Choose a .docx, see what it becomes (table of contents, counts, warnings), adjust the split level, confirm. */
export function ImportDialog({ target, onClose, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const fileId = useId();
  const levelId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [splitLevel, setSplitLevel] = useState<number>(DEFAULT_IMPORT_SPLIT_LEVEL);
  const [split, setSplit] = useState(false);
  const [state, setState] = useState<State>({ kind: 'choose' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const splitting = target.kind === 'guide' || split;
  // Once the file is sent the server creates the guide or edits the section whatever the page
  // does: the choices stay as they were sent and the dialog waits for the answer.
  const committing = state.kind === 'importing' && state.phase?.kind !== 'uploading';
  const locked = state.kind === 'importing';
  const close = () => {
    if (!committing) onClose();
  };

  async function preview(chosen: File, level: number): Promise<void> {
    abort.current?.abort();
    const controller = (abort.current = new AbortController());
    setState({ kind: 'previewing', phase: null });
    try {
      const result = await uploadDocx<ImportPreview>(`/api/guides/import/preview?splitLevel=${level}`, chosen, (phase) => setState({ kind: 'previewing', phase }), controller.signal);
      setState({ kind: 'preview', preview: result });
    } catch (err) {
      if (err instanceof ImportError && err.code === 'cancelled') return;
      setState({ kind: 'failed', message: importErrorMessage(err, t), preview: null });
    }
  }

  async function confirm(current: ImportPreview): Promise<void> {
    if (!file) return;
    const controller = (abort.current = new AbortController());
    setState({ kind: 'importing', preview: current, phase: null });
    const path =
      target.kind === 'guide'
        ? `/api/guides/import?splitLevel=${splitLevel}`
        : `/api/guides/${encodeURIComponent(target.guideId)}/sections/${encodeURIComponent(target.sectionId)}/import?split=${split}&splitLevel=${splitLevel}`;
    try {
      const result = await uploadDocx<ImportedGuide | ImportedIntoSection>(path, file, (phase) => setState({ kind: 'importing', preview: current, phase }), controller.signal);
      onImported(result);
    } catch (err) {
      if (err instanceof ImportError && err.code === 'cancelled') return;
      setState({ kind: 'failed', message: importErrorMessage(err, t), preview: current });
    }
  }

  const title = target.kind === 'guide' ? t('import.titleGuide') : t('import.titleSection', { title: target.sectionTitle });
  const shown = state.kind === 'preview' || state.kind === 'importing' ? state.preview : state.kind === 'failed' ? state.preview : null;
  const phase = state.kind === 'previewing' || state.kind === 'importing' ? state.phase : null;

  return (
    <Dialog title={title} onClose={close} testId="import-dialog">
      {() => (
        <div className="import-dialog">
          <div className="field">
            <label htmlFor={fileId}>{t('import.fileLabel')}</label>
            <input
              id={fileId}
              type="file"
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              data-testid="import-file"
              disabled={locked}
              onChange={(event) => {
                const chosen = event.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) void preview(chosen, splitLevel);
              }}
            />
            <p className="muted">{t('import.fileHint')}</p>
          </div>
          {target.kind === 'section' && target.canSplit && (
            <label className="import-dialog__split">
              <input
                type="checkbox"
                checked={split}
                disabled={locked}
                onChange={(event) => setSplit(event.target.checked)}
                data-testid="import-split"
              />{' '}
              {t('import.splitIntoSubsections')}
            </label>
          )}
          {splitting && (
            <div className="field">
              <label htmlFor={levelId}>{t('import.splitLevelLabel')}</label>
              <select
                id={levelId}
                value={splitLevel}
                disabled={locked}
                data-testid="import-split-level"
                onChange={(event) => {
                  const level = Number(event.target.value);
                  setSplitLevel(level);
                  if (file) void preview(file, level);
                }}
              >
                {IMPORT_SPLIT_LEVELS.map((level) => (
                  <option key={level} value={level}>
                    {t(`import.splitLevel${level}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {phase && (
            <div role="status" className="import-dialog__progress" data-testid="import-progress">
              {phase.kind === 'uploading' ? (
                <>
                  <progress max={1} value={phase.fraction} /> {t('import.uploading', { percent: Math.round(phase.fraction * 100) })}
                </>
              ) : (
                <>
                  <progress /> {state.kind === 'importing' ? t('import.importing') : t('import.converting')}
                </>
              )}
            </div>
          )}
          {state.kind === 'failed' && (
            <p className="form-error" role="alert" data-testid="import-error">
              {state.message}
            </p>
          )}
          {shown && <PreviewView preview={shown} mode={target.kind === 'guide' ? 'guide' : split ? 'subsections' : 'append'} />}
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="import-confirm"
              disabled={!shown || state.kind === 'importing'}
              onClick={() => shown && void confirm(shown)}
            >
              {target.kind === 'guide' ? t('import.confirmGuide') : t('import.confirmSection')}
            </button>
            <button type="button" className="button" onClick={close} disabled={committing} data-testid="import-cancel">
              {t('import.cancel')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** How the preview reads: a new guide's contents, a section's new sub-sections, or text appended to a section. */
type PreviewMode = 'guide' | 'subsections' | 'append';

function PreviewView({ preview, mode }: { preview: ImportPreview; mode: PreviewMode }) {
  const { t } = useTranslation();
  const numbers = mode === 'guide' ? previewNumbers(preview.sections) : null;
  return (
    <div className="import-preview" data-testid="import-preview">
      <p>
        <strong dir="auto">{preview.title}</strong> · {t(`language.${preview.language}`)}
      </p>
      {mode === 'append' ? (
        <p data-testid="import-preview-append">
          {t('import.appendSummary')} <span className="muted">{countsText(appendedCounts(preview), t)}</span>
        </p>
      ) : (
        <ul className="import-preview__toc" aria-label={t('import.tocLabel')}>
          {preview.sections.map((s, i) => (
            <li key={i} style={{ paddingInlineStart: `${s.depth * 1.25}rem` }} data-testid="import-preview-section">
              {numbers?.[i] && <span className="import-preview__number">{numbers[i]}</span>}
              <span dir="auto">{s.title}</span>
              {mode === 'subsections' && s.introduction && <span className="muted"> ({t('import.appendedHere')})</span>}{' '}
              <span className="muted import-preview__counts">{countsText(s, t)}</span>
            </li>
          ))}
        </ul>
      )}
      {preview.warnings.length > 0 && (
        <ul className="import-preview__warnings" aria-label={t('import.warningsLabel')} data-testid="import-warnings">
          {preview.warnings.map((w) => (
            <li key={w.code}>
              {t(`import.warnings.${w.code}`, { count: w.count })}
              {w.examples.length > 0 && <span className="muted" dir="auto"> ({w.examples.join(', ')})</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

type Counts = Pick<ImportPreview['sections'][number], 'words' | 'tables' | 'images' | 'footnotes' | 'boxes'>;

/** Words always, the rest when there is some, each with its plural (Arabic has six forms). */
function countsText(c: Counts, t: TFunction): string {
  const parts = [t('import.countWords', { count: c.words })];
  if (c.tables > 0) parts.push(t('import.countTables', { count: c.tables }));
  if (c.images > 0) parts.push(t('import.countImages', { count: c.images }));
  if (c.footnotes > 0) parts.push(t('import.countFootnotes', { count: c.footnotes }));
  if (c.boxes > 0) parts.push(t('import.countBoxes', { count: c.boxes }));
  return parts.join(' · ');
}

/** The whole file appended to a section: every part's counts, the headings' own words too (they stay as text). */
function appendedCounts(preview: ImportPreview): Counts {
  const total: Counts = { words: 0, tables: 0, images: 0, footnotes: 0, boxes: 0 };
  for (const s of preview.sections) {
    total.words += s.words + (s.introduction ? 0 : countWords(s.title, preview.language));
    total.tables += s.tables;
    total.images += s.images;
    total.footnotes += s.footnotes;
    total.boxes += s.boxes;
  }
  return total;
}

/** The numbers the new guide will give its sections ("1", "1.2"); its introduction takes none. */
function previewNumbers(sections: ImportPreview['sections']): string[] {
  const counters: number[] = [];
  return sections.map((s) => {
    if (s.introduction) return '';
    counters.length = s.depth + 1;
    for (let d = 0; d < s.depth; d++) counters[d] ??= 0;
    counters[s.depth] = (counters[s.depth] ?? 0) + 1;
    return counters.join('.');
  });
}

const ERROR_KEYS: Record<string, string> = {
  import_no_file: 'import.errors.noFile',
  import_empty: 'import.errors.empty',
  import_too_large: 'import.errors.tooLarge',
  import_not_docx: 'import.errors.notDocx',
  import_legacy_doc: 'import.errors.legacyDoc',
  import_encrypted: 'import.errors.encrypted',
  import_damaged: 'import.errors.damaged',
  import_too_big_uncompressed: 'import.errors.tooBigUncompressed',
  import_unsafe_xml: 'import.errors.unsafeXml',
  import_no_content: 'import.errors.noContent',
  section_locked: 'import.errors.sectionLocked',
  forbidden: 'import.errors.forbidden',
  network: 'import.errors.network',
};

/** A whole sentence in the interface language for every refusal the import routes give. */
export function importErrorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ImportError) {
    const key = ERROR_KEYS[err.code];
    if (key) return t(key);
    return t('import.errors.other', { message: err.serverMessage });
  }
  return t('import.errors.other', { message: String(err) });
}
