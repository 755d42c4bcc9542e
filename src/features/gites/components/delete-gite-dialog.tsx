import { useEffect, useId, useRef, useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { useDeleteGite } from '@/features/gites/api/delete-gite';
import type { GiteWithFeeds } from '@/features/gites/api/get-gites';
import { gitesMessages as m } from '@/features/gites/messages';
import { describeError } from '@/lib/i18n';

interface DeleteGiteDialogProps {
  gite: GiteWithFeeds;
  onClose: () => void;
  onDeleted: () => void;
}

/** Modal confirmation before deleting a gîte, saying what goes with it. */
export function DeleteGiteDialog({ gite, onClose, onDeleted }: DeleteGiteDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const deleteGite = useDeleteGite();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    // Removing the element on unmount also takes it out of the top layer.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  async function confirm() {
    setError(null);
    try {
      await deleteGite.mutateAsync(gite.id);
      onDeleted();
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
      <h2 id={`${id}-title`}>{m.deleteTitle(gite.nom)}</h2>
      <p id={`${id}-desc`}>{m.deleteWarning}</p>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => ref.current?.close()}
        >
          {m.cancel}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={confirm}
          disabled={deleteGite.isPending}
        >
          {deleteGite.isPending ? m.deleting : m.deleteConfirm}
        </button>
      </div>
    </dialog>
  );
}
