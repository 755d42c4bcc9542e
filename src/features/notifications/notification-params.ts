/** What the Notifications page's URL says: `/notifications?non-lues=1&page=2`. */
export interface NotificationParams {
  /** Unread ones only (newest first), or all, unread first then newest first. */
  unreadOnly: boolean;
  page: number;
}

export const DEFAULT_NOTIFICATION_PARAMS: NotificationParams = { unreadOnly: false, page: 1 };

/** Reads the URL, pure: anything malformed is the default. */
export function parseNotificationParams(search: URLSearchParams): NotificationParams {
  const page = search.get('page');
  return {
    unreadOnly: search.get('non-lues') === '1',
    page: page !== null && /^\d{1,5}$/.test(page) ? Math.max(1, Number(page)) : 1,
  };
}

/** The query string of a view; defaults are left out. */
export function notificationSearch(params: NotificationParams): string {
  const search = new URLSearchParams();
  if (params.unreadOnly) search.set('non-lues', '1');
  if (params.page > 1) search.set('page', String(params.page));
  const text = search.toString();
  return text ? `?${text}` : '';
}
