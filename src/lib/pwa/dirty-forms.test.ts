import { describe, expect, it, vi } from 'vitest';
import { hasDirtyForms, setFormDirty, subscribeDirtyForms } from '@/lib/pwa/dirty-forms';

describe('dirty forms registry', () => {
  it('is dirty while any registered form is, and tells its subscribers once per change', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeDirtyForms(listener);
    expect(hasDirtyForms()).toBe(false);

    setFormDirty('a', true);
    setFormDirty('a', true);
    setFormDirty('b', true);
    expect(hasDirtyForms()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(2);

    setFormDirty('a', false);
    expect(hasDirtyForms()).toBe(true);
    setFormDirty('b', false);
    expect(hasDirtyForms()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(4);

    unsubscribe();
    setFormDirty('c', true);
    expect(listener).toHaveBeenCalledTimes(4);
    setFormDirty('c', false);
  });
});
