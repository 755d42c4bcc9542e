import { describe, expect, it } from 'vitest';
import { initialUpdateState, reduceUpdate, type UpdateState } from '@/lib/pwa/update-state';

const available: UpdateState = { available: true, reloadRequested: false };

describe('reduceUpdate', () => {
  it('offers the new version once a worker waits', () => {
    expect(reduceUpdate(initialUpdateState, { type: 'waiting' })).toEqual({
      state: available,
      action: 'none',
    });
  });

  it('asks the waiting worker to take over when the owner reloads with no form open', () => {
    expect(
      reduceUpdate(available, { type: 'apply', dirtyForms: false, workerWaiting: true }),
    ).toEqual({ state: { available: true, reloadRequested: true }, action: 'skip-waiting' });
  });

  it('does nothing while a form holds typed values', () => {
    expect(
      reduceUpdate(available, { type: 'apply', dirtyForms: true, workerWaiting: true }),
    ).toEqual({ state: available, action: 'none' });
  });

  it('reloads once the new worker controls the page it asked for', () => {
    const asked = { available: true, reloadRequested: true };
    expect(reduceUpdate(asked, { type: 'controlling', dirtyForms: false }).action).toBe('reload');
  });

  it('never reloads by itself when another tab made the new version take over', () => {
    const result = reduceUpdate(initialUpdateState, { type: 'controlling', dirtyForms: false });
    expect(result).toEqual({ state: available, action: 'none' });
  });

  it('does not reload when a form was opened between the request and the take-over', () => {
    const asked = { available: true, reloadRequested: true };
    expect(reduceUpdate(asked, { type: 'controlling', dirtyForms: true })).toEqual({
      state: available,
      action: 'none',
    });
  });

  it('reloads at once when the new version already controls the page (no worker waiting)', () => {
    expect(
      reduceUpdate(available, { type: 'apply', dirtyForms: false, workerWaiting: false }).action,
    ).toBe('reload');
  });

  it('ignores a reload request with nothing new, and can be dismissed', () => {
    expect(
      reduceUpdate(initialUpdateState, { type: 'apply', dirtyForms: false, workerWaiting: true })
        .action,
    ).toBe('none');
    expect(reduceUpdate(available, { type: 'dismiss' }).state.available).toBe(false);
  });
});
