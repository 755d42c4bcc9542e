import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { LoadError } from '@/components/load-error';
import type { GiteWithFeeds } from '@/features/gites/api/get-gites';
import { type SyncHistoryRow, useSyncHistory } from '@/features/gites/api/get-sync-history';
import { feedName } from '@/features/gites/feed-sync-status';
import { gitesMessages as m } from '@/features/gites/messages';
import { formatAttemptDuration, formatLogTime } from '@/features/gites/sync-format';
import { syncResultLabel } from '@/features/gites/sync-history';
import { commonMessages } from '@/lib/i18n';

function HistoryRow({ row }: { row: SyncHistoryRow }) {
  const failed = row.status === 'error';
  const count = (n: number) => (failed ? '—' : String(n));
  return (
    <tr className={failed ? 'is-error' : undefined}>
      <td>
        <time dateTime={row.synced_at}>{formatLogTime(row.synced_at)}</time>
      </td>
      <td>{row.feed ? feedName(row.feed.platform, row.feed.label) : '—'}</td>
      <td>
        <span className={`sync-result sync-result-${failed ? 'error' : 'ok'}`}>
          {syncResultLabel(row.status)}
        </span>
        {row.error ? <span className="sync-history-error">{row.error}</span> : null}
      </td>
      <td className="numeric">{count(row.added)}</td>
      <td className="numeric">{count(row.updated)}</td>
      <td className="numeric">{count(row.cancelled)}</td>
      <td className="numeric">{formatAttemptDuration(row.duration_ms)}</td>
    </tr>
  );
}

/** A pager button that stays focusable at the ends (aria-disabled), so focus never drops. */
function PageButton({
  label,
  disabled,
  onClick,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="button button-secondary"
      aria-disabled={disabled}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {label}
    </button>
  );
}

interface SyncHistoryDialogProps {
  gite: Pick<GiteWithFeeds, 'id' | 'nom'>;
  onClose: () => void;
}

/**
 * "Historique des synchronisations" of a gîte: every attempt, newest first, 20 a page
 * (modal <dialog>: focus moves in and is trapped, Escape closes, focus goes back to the
 * button that opened it).
 */
export function SyncHistoryDialog({ gite, onClose }: SyncHistoryDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [page, setPage] = useState(1);
  const history = useSyncHistory(gite.id, page);
  // The button that opened the dialog, focused again when it closes.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => opener?.focus();
  }, [opener]);

  // The server answered with another page (this one no longer exists): follow it.
  const shownPage = history.data?.page;
  useEffect(() => {
    if (shownPage !== undefined && !history.isPlaceholderData && shownPage !== page) {
      setPage(shownPage);
    }
  }, [shownPage, history.isPlaceholderData, page]);

  let body: ReactNode;
  if (history.isPending && history.fetchStatus === 'paused') {
    body = <p className="page-state">{commonMessages.offline}</p>;
  } else if (history.isPending) {
    body = (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  } else if (history.isError) {
    body = (
      <LoadError
        message={m.historyLoadError}
        error={history.error}
        onRetry={() => history.refetch()}
      />
    );
  } else if (history.data.total === 0) {
    body = <p className="page-state">{m.historyEmpty}</p>;
  } else {
    const { rows, total, pageCount } = history.data;
    const current = history.data.page;
    body = (
      <>
        <p className="gite-meta" role="status">
          {m.historyTotal(total)} — {m.historyPage(current, pageCount)}
        </p>
        <div className="sync-history-scroll">
          <table className="sync-history-table" aria-busy={history.isPlaceholderData}>
            <caption id={`${id}-caption`}>{m.historyCaption(gite.nom)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.historyDate}</th>
                <th scope="col">{m.historyFeed}</th>
                <th scope="col">{m.historyResult}</th>
                <th scope="col" className="numeric">
                  {m.historyAdded}
                </th>
                <th scope="col" className="numeric">
                  {m.historyUpdated}
                </th>
                <th scope="col" className="numeric">
                  {m.historyCancelled}
                </th>
                <th scope="col" className="numeric">
                  {m.historyDuration}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <HistoryRow key={row.id} row={row} />
              ))}
            </tbody>
          </table>
        </div>
        {pageCount > 1 ? (
          <nav className="sync-history-pager" aria-label={m.historyPager}>
            <PageButton
              label={m.previousPage}
              disabled={current <= 1}
              onClick={() => setPage(current - 1)}
            />
            <PageButton
              label={m.nextPage}
              disabled={current >= pageCount}
              onClick={() => setPage(current + 1)}
            />
          </nav>
        ) : null}
      </>
    );
  }

  return (
    <dialog
      ref={ref}
      className="dialog sync-history-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <div className="sync-history-header">
        <h2 id={`${id}-title`}>{m.historyTitle(gite.nom)}</h2>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => ref.current?.close()}
        >
          {m.close}
        </button>
      </div>
      {body}
    </dialog>
  );
}
