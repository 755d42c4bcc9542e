/**
 * When a new version of the app may replace the running one, pure and unit-tested. The
 * running page reloads only after its owner asked for it here, and never while a form of
 * this page holds typed values: the owner closes or saves the form first.
 *
 * - `waiting`: a new service worker is installed and waits → offer « Recharger »;
 * - `apply`: the owner pressed « Recharger » → ask the waiting worker to take over (or, when
 *   another tab already made it take over, reload at once);
 * - `controlling`: a new worker took over this page → reload only if this page asked for it
 *   and has no form being edited; otherwise keep running and keep the offer.
 */

export interface UpdateState {
  /** A newer version is installed: show « Nouvelle version disponible — Recharger ». */
  available: boolean;
  /** This page asked the waiting worker to take over and will reload when it has. */
  reloadRequested: boolean;
}

export type UpdateEvent =
  | { type: 'waiting' }
  | { type: 'apply'; dirtyForms: boolean; workerWaiting: boolean }
  | { type: 'controlling'; dirtyForms: boolean }
  | { type: 'dismiss' };

export type UpdateAction = 'none' | 'skip-waiting' | 'reload';

export const initialUpdateState: UpdateState = { available: false, reloadRequested: false };

export function reduceUpdate(
  state: UpdateState,
  event: UpdateEvent,
): { state: UpdateState; action: UpdateAction } {
  switch (event.type) {
    case 'waiting':
      return { state: { ...state, available: true }, action: 'none' };
    case 'dismiss':
      return { state: { ...state, available: false }, action: 'none' };
    case 'apply':
      if (!state.available || event.dirtyForms) return { state, action: 'none' };
      if (!event.workerWaiting) return { state, action: 'reload' };
      return { state: { ...state, reloadRequested: true }, action: 'skip-waiting' };
    case 'controlling':
      if (state.reloadRequested && !event.dirtyForms) return { state, action: 'reload' };
      // Another tab updated, or a form was opened in between: this page keeps its code
      // (and what was typed) until its owner reloads.
      return { state: { available: true, reloadRequested: false }, action: 'none' };
  }
}
