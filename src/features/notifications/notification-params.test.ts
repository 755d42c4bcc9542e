import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NOTIFICATION_PARAMS,
  notificationSearch,
  parseNotificationParams,
} from '@/features/notifications/notification-params';

describe('parseNotificationParams', () => {
  it('reads the unread filter and the page', () => {
    expect(parseNotificationParams(new URLSearchParams('non-lues=1&page=3'))).toEqual({
      unreadOnly: true,
      page: 3,
    });
  });

  it('falls back to the defaults for anything malformed', () => {
    expect(parseNotificationParams(new URLSearchParams('non-lues=oui&page=-2'))).toEqual(
      DEFAULT_NOTIFICATION_PARAMS,
    );
    expect(parseNotificationParams(new URLSearchParams('page=0'))).toEqual(
      DEFAULT_NOTIFICATION_PARAMS,
    );
    expect(parseNotificationParams(new URLSearchParams('page=123456')).page).toBe(1);
  });
});

describe('notificationSearch', () => {
  it('leaves the defaults out and round-trips', () => {
    expect(notificationSearch(DEFAULT_NOTIFICATION_PARAMS)).toBe('');
    const params = { unreadOnly: true, page: 2 };
    expect(notificationSearch(params)).toBe('?non-lues=1&page=2');
    expect(
      parseNotificationParams(new URLSearchParams(notificationSearch(params).slice(1))),
    ).toEqual(params);
  });
});
