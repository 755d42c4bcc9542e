import { useEffect, useId, useRef } from 'react';
import { useBlocker } from 'react-router';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import { useHasDirtyForms } from '@/lib/pwa/dirty-forms';

/**
 * While a form of the page holds unsaved values: leaving for another page of the app asks
 * first (« Quitter sans enregistrer ? »), and closing or reloading the tab gets the
 * browser's own warning.
 */
export function LeaveGuard() {
  const dirty = useHasDirtyForms();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useEffect(() => {
    const dialog = ref.current;
    if (blocker.state === 'blocked' && dialog && !dialog.open) dialog.showModal();
  }, [blocker.state]);

  if (blocker.state !== 'blocked') return null;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      onClose={() => {
        if (blocker.state === 'blocked') blocker.reset();
      }}
    >
      <h2 id={`${id}-title`}>{m.leaveTitle}</h2>
      <p id={`${id}-desc`}>{m.leaveText}</p>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={() => blocker.reset()}>
          {m.leaveStay}
        </button>
        <button type="button" className="button button-danger" onClick={() => blocker.proceed()}>
          {m.leaveConfirm}
        </button>
      </div>
    </dialog>
  );
}
