import { type FormEvent, useId, useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import { doneNoteError } from '@/features/cleaning/cleaning-form-schema';
import { cleaningMessages as m } from '@/features/cleaning/messages';
import { describeError } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

/** Marks a cleaning done, with an optional note (what was noticed, what is missing). */
export function DoneForm({
  onDone,
  onCancel,
}: {
  onDone: (note: string | null) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const write = useWriteAccess();
  // A note being typed holds back the app's update (« Recharger » would lose it).
  useDirtyForm(note.trim() !== '');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (saving || write.blocked) return;
    const invalid = doneNoteError(note);
    if (invalid) {
      setError(invalid);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onDone(note.trim() === '' ? null : note.trim());
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="cleaning-form" noValidate onSubmit={handleSubmit}>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="field">
        <label htmlFor={`${id}-note`}>{m.doneNoteField}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={saving || write.blocked}
          {...write.reasonProps}
        >
          {saving ? m.saving : m.markDone}
        </button>
      </div>
    </form>
  );
}
