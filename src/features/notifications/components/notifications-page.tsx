import { type ReactNode, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import { SelectField } from '@/components/select-field';
import {
  NOTIFICATIONS_PAGE_SIZE,
  type NotificationRow,
  useNotifications,
} from '@/features/notifications/api/get-notifications';
import { useUnreadCount } from '@/features/notifications/api/get-unread-count';
import { useMarkAllNotificationsRead } from '@/features/notifications/api/mark-all-read';
import { useMarkNotificationRead } from '@/features/notifications/api/mark-read';
import { notificationMessages as m } from '@/features/notifications/messages';
import { inAppLink, typeLabel } from '@/features/notifications/notification-format';
import {
  type NotificationParams,
  notificationSearch,
  parseNotificationParams,
} from '@/features/notifications/notification-params';
import { locale } from '@/lib/i18n';
import { clampPage, pageCount } from '@/lib/pagination';
import { useWriteAccess } from '@/lib/pwa/write-access';
import '@/features/notifications/notifications.css';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

function NotificationItem({
  row,
  onMarkRead,
  marking,
}: {
  row: NotificationRow;
  onMarkRead: () => void;
  marking: boolean;
}) {
  const write = useWriteAccess();
  const link = inAppLink(row.lien);
  return (
    <li className="card notification-item" data-read={row.is_read ? 'true' : 'false'}>
      <div className="notification-head">
        <span className="notification-type">{typeLabel(row.type)}</span>
        {row.is_read ? null : <span className="notification-unread">{m.unreadBadge}</span>}
        <time className="notification-time" dateTime={row.created_at}>
          {m.createdAt(dateTime.format(new Date(row.created_at)))}
        </time>
      </div>
      <h2 className="notification-title">
        {link ? <Link to={link}>{row.titre}</Link> : row.titre}
      </h2>
      {row.message ? <p className="notification-message">{row.message}</p> : null}
      {row.is_read ? null : (
        <div className="card-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={write.blocked || marking}
            {...write.reasonProps}
            onClick={onMarkRead}
          >
            {m.markRead}
          </button>
        </div>
      )}
    </li>
  );
}

/** /notifications: the owner's notifications, unread first, paginated, marked read one or all. */
export function NotificationsPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const params = parseNotificationParams(searchParams);
  const notifications = useNotifications(params);
  const unread = useUnreadCount();
  const markOne = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const write = useWriteAccess();
  const [notice, setNotice] = useState<string | null>(null);
  const [markError, setMarkError] = useState<string | null>(null);

  const go = (next: Partial<NotificationParams>) =>
    navigate({ search: notificationSearch({ ...params, page: 1, ...next }) });

  function markRead(id: string) {
    setNotice(null);
    setMarkError(null);
    markOne.mutate(id, {
      onSuccess: () => setNotice(m.markedRead),
      onError: () => setMarkError(m.markError),
    });
  }

  function markAllRead() {
    setNotice(null);
    setMarkError(null);
    markAll.mutate(undefined, {
      onSuccess: (count) => setNotice(m.markedAllRead(count)),
      onError: () => setMarkError(m.markError),
    });
  }

  let list: ReactNode;
  if (notifications.isPending && notifications.fetchStatus === 'paused') {
    list = <p className="page-state">{m.offline}</p>;
  } else if (notifications.isPending) {
    list = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (notifications.isError) {
    list = (
      <LoadError
        message={m.loadError}
        error={notifications.error}
        onRetry={() => notifications.refetch()}
      />
    );
  } else if (notifications.data.total === 0) {
    list = <p className="card empty-state">{params.unreadOnly ? m.emptyUnread : m.empty}</p>;
  } else {
    const total = notifications.data.total;
    const pages = pageCount(total, NOTIFICATIONS_PAGE_SIZE);
    const page = clampPage(params.page, total, NOTIFICATIONS_PAGE_SIZE);
    list = (
      <>
        <ol className="notification-list">
          {notifications.data.rows.map((row) => (
            <NotificationItem
              key={row.id}
              row={row}
              marking={markOne.isPending && markOne.variables === row.id}
              onMarkRead={() => markRead(row.id)}
            />
          ))}
        </ol>
        <Pager
          label={m.pagerLabel}
          page={page}
          pageCount={pages}
          hrefFor={(target) => notificationSearch({ ...params, page: target })}
        />
      </>
    );
  }

  const unreadCount = unread.data ?? 0;
  return (
    <div className="page notifications-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
        <button
          type="button"
          className="button button-primary"
          disabled={write.blocked || markAll.isPending || unreadCount === 0}
          {...write.reasonProps}
          onClick={markAllRead}
        >
          {m.markAllRead}
        </button>
      </div>
      <p className="notifications-intro">{m.intro}</p>
      <search className="notifications-filters" aria-label={m.filtersLabel}>
        <SelectField
          label={m.showLabel}
          value={params.unreadOnly ? 'unread' : 'all'}
          onChange={(event) => go({ unreadOnly: event.target.value === 'unread' })}
          options={[
            { value: 'all', label: m.showAll },
            { value: 'unread', label: m.showUnread },
          ]}
        />
      </search>
      {notifications.data ? (
        <p className="notifications-count">{m.count(notifications.data.total, unreadCount)}</p>
      ) : null}
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {markError ? <FormAlert>{markError}</FormAlert> : null}
      {list}
    </div>
  );
}
