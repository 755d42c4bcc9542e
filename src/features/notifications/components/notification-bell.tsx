import { NavLink } from 'react-router';
import { useUnreadCount } from '@/features/notifications/api/get-unread-count';
import { notificationMessages as m } from '@/features/notifications/messages';
import { badgeText } from '@/features/notifications/notification-format';
import '@/features/notifications/notifications.css';

/** The header's link to /notifications with the unread count (read again on focus and every minute). */
export function NotificationBell() {
  const unread = useUnreadCount();
  const count = unread.data ?? 0;
  const badge = badgeText(count);
  return (
    <NavLink to="/notifications" className="notification-bell" aria-label={m.bellLabel(count)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {badge ? (
        <span className="notification-badge" data-testid="notification-count">
          {badge}
        </span>
      ) : null}
    </NavLink>
  );
}
