import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TRANSITION_NOTE_LENGTH, type BlockingThread, type SectionWorkflowView } from '@dalil/shared';
import { Dialog } from '../../../components/Dialog.tsx';
import { isolate } from '../../../i18n/isolate.ts';
import { Link } from '../../../routing/Link.tsx';
import { paths } from '../../../routing/routes.ts';
import { TransitionRefused } from './transitionRefused.ts';

type Transition = SectionWorkflowView['transitions'][number];

const QUOTE_CHARS = 80;

interface TransitionDialogProps {
  transition: Transition;
  guideId: string;
  sectionTitle: string;
  onConfirm: (note: string) => Promise<void>;
  onClose: () => void;
}

/** Confirms a transition, with its note: optional for submit and approve, required otherwise. */
export function TransitionDialog({ transition, guideId, sectionTitle, onConfirm, onClose }: TransitionDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; threads: BlockingThread[] } | null>(null);
  const noteId = useId();
  const label =
    transition.name === 'reopen' ? t('workflow.reasonRequired') : transition.noteRequired ? t('workflow.noteRequired') : t('workflow.noteOptional');

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (transition.noteRequired && !note.trim()) {
      setError({ message: t('workflow.noteRequiredError'), threads: [] });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(note.trim());
    } catch (err) {
      setError({ message: err instanceof Error ? err.message : String(err), threads: err instanceof TransitionRefused ? err.threads : [] });
      setBusy(false);
    }
  }

  return (
    <Dialog title={t(`workflow.dialogTitle.${transition.name}`, { title: isolate(sectionTitle) })} onClose={onClose} testId="transition-dialog">
      {() => (
        <form className="transition-form" onSubmit={(event) => void submit(event)}>
          {transition.name === 'approve' && <p className="muted">{t('workflow.approveHint')}</p>}
          <label htmlFor={noteId}>{label}</label>
          <textarea
            id={noteId}
            value={note}
            rows={4}
            dir="auto"
            maxLength={MAX_TRANSITION_NOTE_LENGTH}
            aria-required={transition.noteRequired}
            onChange={(event) => setNote(event.target.value)}
          />
          {error && (
            <div className="form-error" role="alert">
              <p>{error.message}</p>
              {error.threads.length > 0 && (
                <ul className="transition-form__threads" data-testid="blocking-threads">
                  {error.threads.map((thread) => (
                    <li key={thread.id}>
                      <Link to={paths.thread(guideId, thread.sectionId, thread.id)} onClick={onClose} dir="auto">
                        «{thread.quote.length > QUOTE_CHARS ? `${thread.quote.slice(0, QUOTE_CHARS)}…` : thread.quote}»
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <div className="form-actions dialog__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t('workflow.confirm')}
            </button>
            <button type="button" className="button" onClick={onClose}>
              {t('workflow.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
