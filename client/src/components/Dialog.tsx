import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  /** Escape, or the cancel button of the content. */
  onClose: () => void;
  children: (ids: { titleId: string }) => ReactNode;
  describedBy?: string;
  testId?: string;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, makes the page behind it inert
 * and closes it on Escape. On close, focus goes back to whatever opened it.
 */
export function Dialog({ title, onClose, children, describedBy, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault(); // React owns whether it is shown
        onClose();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children({ titleId })}
    </dialog>
  );
}
