import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { describeError } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';

interface ConfirmDialogProps {
  title: string;
  /** What the action does, read out with the title. */
  description: ReactNode;
  keepLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  /** The action; if it throws, the error is shown in the dialog, which stays open. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/** Modal confirmation of a destructive action (native <dialog>: focus trap, Escape). */
export function ConfirmDialog({
  title,
  description,
  keepLabel,
  confirmLabel,
  pendingLabel,
  isPending,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  // Every confirmation here sends a write: offline, it waits for the network.
  const write = useWriteAccess();

  useEffect(() => {
    const dialog = ref.current;
    // Removing the element on unmount also takes it out of the top layer.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function confirm() {
    setError(null);
    try {
      await onConfirm();
    } catch (cause) {
      setError(describeError(cause));
    }
  }

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onClose={onClose}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-desc`}>{description}</p>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => ref.current?.close()}
        >
          {keepLabel}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={confirm}
          disabled={isPending || write.blocked}
          {...write.reasonProps}
        >
          {isPending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
