import { useEffect, useId, useSyncExternalStore } from 'react';

/**
 * Which forms of this page hold values the owner typed and has not saved. Forms report it
 * with `useDirtyForm(isDirty)`; the update prompt reads it so that a new version never
 * reloads the page over them.
 */

const dirty = new Set<string>();
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function setFormDirty(id: string, isDirty: boolean): void {
  const had = dirty.has(id);
  if (isDirty === had) return;
  if (isDirty) dirty.add(id);
  else dirty.delete(id);
  emit();
}

export function hasDirtyForms(): boolean {
  return dirty.size > 0;
}

export function subscribeDirtyForms(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Registers this form as being edited while `isDirty` is true (and until it unmounts). */
export function useDirtyForm(isDirty: boolean): void {
  const id = useId();
  useEffect(() => {
    setFormDirty(id, isDirty);
  }, [id, isDirty]);
  useEffect(() => () => setFormDirty(id, false), [id]);
}

/** True while any form of the page holds unsaved values. */
export function useHasDirtyForms(): boolean {
  return useSyncExternalStore(subscribeDirtyForms, hasDirtyForms, () => false);
}
