import { ConfirmDialog } from '@/components/confirm-dialog';
import { useDeleteGite } from '@/features/gites/api/delete-gite';
import type { GiteWithFeeds } from '@/features/gites/api/get-gites';
import { gitesMessages as m } from '@/features/gites/messages';

interface DeleteGiteDialogProps {
  gite: GiteWithFeeds;
  onClose: () => void;
  onDeleted: () => void;
}

/** Modal confirmation before deleting a gîte, saying what goes with it. */
export function DeleteGiteDialog({ gite, onClose, onDeleted }: DeleteGiteDialogProps) {
  const deleteGite = useDeleteGite();
  return (
    <ConfirmDialog
      title={m.deleteTitle(gite.nom)}
      description={m.deleteWarning}
      keepLabel={m.cancel}
      confirmLabel={m.deleteConfirm}
      pendingLabel={m.deleting}
      isPending={deleteGite.isPending}
      onConfirm={async () => {
        await deleteGite.mutateAsync(gite.id);
        onDeleted();
      }}
      onClose={onClose}
    />
  );
}
