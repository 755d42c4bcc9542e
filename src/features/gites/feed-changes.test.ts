import { describe, expect, it } from 'vitest';
import { feedChanges } from '@/features/gites/feed-changes';

const a = { id: 'a', platform: 'airbnb' as const, url: 'https://a.example/cal.ics' };
const b = { id: 'b', platform: 'booking' as const, url: 'https://b.example/cal.ics' };

describe('feedChanges', () => {
  it('writes nothing when the feeds did not change', () => {
    expect(feedChanges([a, b], [a, b])).toEqual({ removedIds: [], updated: [], added: [] });
  });

  it('finds removed, changed and added feeds', () => {
    const changedB = { ...b, url: 'https://b.example/new.ics' };
    const c = { id: 'c', platform: 'other' as const, url: 'https://c.example/cal.ics' };
    expect(feedChanges([a, b], [changedB, c])).toEqual({
      removedIds: ['a'],
      updated: [changedB],
      added: [c],
    });
  });

  it('treats a platform change as an update', () => {
    const changed = { ...a, platform: 'abritel' as const };
    expect(feedChanges([a], [changed]).updated).toEqual([changed]);
  });
});
