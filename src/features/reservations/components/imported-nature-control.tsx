import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import { useMarkImportedClosure } from '@/features/reservations/api/mark-imported-closure';
import { importedNature } from '@/features/reservations/format';
import { reservationsMessages as m } from '@/features/reservations/messages';
import { describeError } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';

/**
 * In the form of an imported stay: what the stay is when its feed does not say (a stay to
 * complete, or a closure the owner marked), with the button that switches it; an echo of
 * our own export is explained. Nothing for other stays.
 */
export function ImportedNatureControl({
  row,
  onSaved,
}: {
  row: ReservationListRow;
  onSaved: (message: string) => void;
}) {
  const nature = importedNature(row);
  const mark = useMarkImportedClosure();
  const [error, setError] = useState<string | null>(null);
  const write = useWriteAccess();
  if (nature === null) return null;

  async function toggle() {
    setError(null);
    const closure = nature === 'to-complete';
    try {
      await mark.mutateAsync({ id: row.id, closure });
      onSaved(closure ? m.markedClosure : m.markedStay);
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  return (
    <div className="resa-nature-control">
      <p className="field-hint">
        <span className="resa-nature" data-nature={nature}>
          {m.nature[nature]}
        </span>{' '}
        {m.natureHint[nature]}
      </p>
      {error ? <FormAlert>{error}</FormAlert> : null}
      {nature === 'echo' ? null : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void toggle()}
          disabled={mark.isPending || write.blocked}
          {...write.reasonProps}
        >
          {nature === 'to-complete' ? m.markClosure : m.markStay}
        </button>
      )}
    </div>
  );
}
