import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { useWriteAccess } from '@/lib/pwa/write-access';

/**
 * « Modifier » / « Supprimer » of one row of a Fiscalité list, named for screen readers by
 * the row (« Modifier « Assurance PNO » »), disabled offline with the reason. The caller
 * places them (a list item's span, a table cell).
 */
export function RowActions({
  label,
  onEdit,
  onDelete,
}: {
  label: string;
  /** Absent for rows that can only be deleted (carry-forwards). */
  onEdit?: () => void;
  onDelete: () => void;
}) {
  const write = useWriteAccess();
  return (
    <>
      {onEdit ? (
        <button
          type="button"
          className="button button-quiet"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={onEdit}
        >
          {m.edit}
          <span className="visually-hidden"> « {label} »</span>
        </button>
      ) : null}
      <button
        type="button"
        className="button button-danger-quiet"
        disabled={write.blocked}
        {...write.reasonProps}
        onClick={onDelete}
      >
        {m.delete}
        <span className="visually-hidden"> « {label} »</span>
      </button>
    </>
  );
}
