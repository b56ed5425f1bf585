import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TRANSITION_NOTE_LENGTH, type SectionWorkflowView } from '@dalil/shared';
import { Dialog } from '../../../components/Dialog.tsx';
import { isolate } from '../../../i18n/isolate.ts';

type Transition = SectionWorkflowView['transitions'][number];

interface TransitionDialogProps {
  transition: Transition;
  sectionTitle: string;
  onConfirm: (note: string) => Promise<void>;
  onClose: () => void;
}

/** Confirms a transition, with its note: optional for submit and approve, required otherwise. */
export function TransitionDialog({ transition, sectionTitle, onConfirm, onClose }: TransitionDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const noteId = useId();
  const label =
    transition.name === 'reopen' ? t('workflow.reasonRequired') : transition.noteRequired ? t('workflow.noteRequired') : t('workflow.noteOptional');

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (transition.noteRequired && !note.trim()) {
      setError(t('workflow.noteRequiredError'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onConfirm(note.trim());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
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
            <p className="form-error" role="alert">
              {error}
            </p>
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
