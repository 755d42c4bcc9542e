import { describe, expect, it } from 'vitest';
import { isUuid } from '@/lib/uuid';

describe('isUuid', () => {
  it('accepts uuids in either case and nothing else', () => {
    expect(isUuid('3f2a8a9e-5c1b-4d2e-9f00-1234567890ab')).toBe(true);
    expect(isUuid('3F2A8A9E-5C1B-4D2E-9F00-1234567890AB')).toBe(true);
    expect(isUuid('3f2a8a9e-5c1b-4d2e-9f00-1234567890a')).toBe(false);
    expect(isUuid(' 3f2a8a9e-5c1b-4d2e-9f00-1234567890ab')).toBe(false);
    expect(isUuid('3f2a8a9e5c1b4d2e9f001234567890ab')).toBe(false);
    expect(isUuid('')).toBe(false);
  });
});
