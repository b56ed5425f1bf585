import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TRANSITION_NOTE_LENGTH, type BlockingThread, type SectionWorkflowView } from '@dalil/shared';
import { Dialog } from '../../../components/Dialog.tsx';
import { isolate } from '../../../i18n/isolate.ts';
import { Link } from '../../../routing/Link.tsx';
import { paths } from '@dalil/shared/routes';
import { TransitionRefused } from './transitionRefused.ts';

type Transition = SectionWorkflowView['transitions'][number];

const QUOTE_CHARS = 80;

interface TransitionDialogProps {
  transition: Transition;
  guideId: string;
  sectionTitle: string;
  /** Open threads that would make the server refuse this transition: said before anything is typed. */
  blockingThreads: BlockingThread[];
  onConfirm: (note: string) => Promise<void>;
  onClose: () => void;
}

/** What the note field is for, from the point of view of whoever makes the transition. */
const NOTE_LABEL = {
  submit: 'workflow.noteOptional',
  approve: 'reviewRound.noteForAuthors',
  requestChanges: 'workflow.noteRequired',
  reopen: 'workflow.reasonRequired',
  withdraw: 'reviewRound.withdrawReason',
} as const satisfies Record<Transition['name'], string>;

function ThreadLinks({ threads, guideId, onClose }: { threads: BlockingThread[]; guideId: string; onClose: () => void }) {
  return (
    <ul className="transition-form__threads" data-testid="blocking-threads">
      {threads.map((thread) => (
        <li key={thread.id}>
          <Link to={paths.thread(guideId, thread.sectionId, thread.id)} onClick={onClose} dir="auto">
            «{thread.quote.length > QUOTE_CHARS ? `${thread.quote.slice(0, QUOTE_CHARS)}…` : thread.quote}»
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Confirms a transition, with its note: optional for submit, approve and withdraw, required
 * otherwise. An approval the open threads would block says so up front, with links to them,
 * instead of offering "Confirmer".
 */
export function TransitionDialog({ transition, guideId, sectionTitle, blockingThreads, onConfirm, onClose }: TransitionDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; threads: BlockingThread[] } | null>(null);
  const noteId = useId();
  const label = t(NOTE_LABEL[transition.name]);
  const blocked = blockingThreads.length > 0;

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
          {blocked ? (
            <div className="transition-form__blocked" data-testid="approve-blocked">
              <p>{t('reviewRound.openThreadsBlock', { count: blockingThreads.length })}</p>
              <ThreadLinks threads={blockingThreads} guideId={guideId} onClose={onClose} />
              <p>
                {/* the dialog sits on the section page: its comments are a jump away */}
                <a href="#comments-title" onClick={onClose}>
                  {t('reviewRound.goToThreads')}
                </a>
              </p>
            </div>
          ) : (
            <>
              {transition.name === 'approve' && <p className="muted">{t('workflow.approveHint')}</p>}
              {transition.name === 'withdraw' && <p className="muted">{t('reviewRound.withdrawHint')}</p>}
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
            </>
          )}
          {error && (
            <div className="form-error" role="alert">
              <p>{error.message}</p>
              {error.threads.length > 0 && <ThreadLinks threads={error.threads} guideId={guideId} onClose={onClose} />}
            </div>
          )}
          <div className="form-actions dialog__actions">
            {!blocked && (
              <button type="submit" className="button button--primary" disabled={busy}>
                {t('workflow.confirm')}
              </button>
            )}
            <button type="button" className="button" onClick={onClose}>
              {t('workflow.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
