import { useId, useState } from 'react';
import { Dialog } from './Dialog.tsx';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone from here; Cancel has focus, so Enter is safe. */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const bodyId = useId();
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title={title} onClose={onCancel} describedBy={bodyId} testId="confirm-dialog">
      {() => (
        <>
          <p id={bodyId}>{body}</p>
          <div className="form-actions dialog__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void Promise.resolve(onConfirm()).finally(() => setBusy(false));
              }}
            >
              {confirmLabel}
            </button>
            <button type="button" className="button" onClick={onCancel} autoFocus>
              {cancelLabel}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
