import { useId } from 'react';
import { useHasDirtyForms } from '@/lib/pwa/dirty-forms';
import { applyUpdate, dispatchUpdate, useUpdateState } from '@/lib/pwa/update-store';
import '@/components/pwa.css';

export const updateMessages = {
  available: 'Nouvelle version disponible',
  reload: 'Recharger',
  later: 'Plus tard',
  formOpen:
    'Enregistrez ou fermez le formulaire en cours avant de recharger : votre saisie serait perdue.',
} as const;

/**
 * « Nouvelle version disponible — Recharger ». The page reloads only when the owner asks,
 * and « Recharger » stays disabled while a form holds typed values.
 */
export function UpdatePrompt() {
  const { available } = useUpdateState();
  const formOpen = useHasDirtyForms();
  const reasonId = useId();
  return (
    <div className="update-prompt-region" role="status">
      {available ? (
        <div className="update-prompt">
          <p className="update-prompt-text">
            {updateMessages.available} —{' '}
            <button
              type="button"
              className="button button-primary"
              disabled={formOpen}
              aria-describedby={formOpen ? reasonId : undefined}
              title={formOpen ? updateMessages.formOpen : undefined}
              onClick={applyUpdate}
            >
              {updateMessages.reload}
            </button>{' '}
            <button
              type="button"
              className="button button-quiet"
              onClick={() => dispatchUpdate({ type: 'dismiss' })}
            >
              {updateMessages.later}
            </button>
          </p>
          {formOpen ? (
            <p id={reasonId} className="update-prompt-reason">
              {updateMessages.formOpen}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
