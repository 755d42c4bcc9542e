import { type ReactNode, useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '@/components/load-error';
import { useGuestSheetsPage } from '@/features/guest-sheets/api/get-guest-sheets';
import { SheetStatusBadge } from '@/features/guest-sheets/components/sheet-status-badge';
import { guestLabel, stayDates } from '@/features/guest-sheets/format';
import { guestSheetsMessages as m } from '@/features/guest-sheets/messages';
import { sheetStatus } from '@/features/guest-sheets/sheet-status';
import { commonMessages, formatDateTime } from '@/lib/i18n';
import '@/features/guest-sheets/guest-sheets.css';

function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** « Fiches clients »: every sheet link of the owner, newest first, 25 a page (?page=N). */
export function GuestSheetsPage() {
  const [params, setParams] = useSearchParams();
  const page = pageFromParams(params);
  const list = useGuestSheetsPage(page);
  const now = Date.now();

  // The server answered with another page (this one no longer exists): follow it.
  const shownPage = list.data?.page;
  useEffect(() => {
    if (shownPage !== undefined && !list.isPlaceholderData && shownPage !== page) {
      setParams(shownPage === 1 ? {} : { page: String(shownPage) }, { replace: true });
    }
  }, [shownPage, list.isPlaceholderData, page, setParams]);

  const goTo = (next: number) => setParams(next === 1 ? {} : { page: String(next) });

  let content: ReactNode;
  if (list.isPending && list.fetchStatus === 'paused') {
    content = <p className="page-state">{commonMessages.offline}</p>;
  } else if (list.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  } else if (list.isError) {
    content = (
      <LoadError message={m.listLoadError} error={list.error} onRetry={() => void list.refetch()} />
    );
  } else if (list.data.total === 0) {
    content = <p className="page-state">{m.listEmpty}</p>;
  } else {
    const { rows, total, pageCount } = list.data;
    const current = list.data.page;
    content = (
      <>
        <p className="sheets-count">
          {m.total(total)} — {m.page(current, pageCount)}
        </p>
        <table className="sheets-table" aria-busy={list.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{m.pageTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colStay}</th>
              <th scope="col">{m.colGuest}</th>
              <th scope="col">{m.colStatus}</th>
              <th scope="col">{m.colOpened}</th>
              <th scope="col">{m.colLanguage}</th>
              <th scope="col">
                <span className="visually-hidden">{m.colActions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const guest = guestLabel(row.reservation.client_nom);
              return (
                <tr key={row.id}>
                  <td data-label={m.colStay}>
                    <span className="sheets-dates">
                      {stayDates(row.reservation.date_debut, row.reservation.date_fin)}
                    </span>
                    <span className="sheets-sub">{row.reservation.gite.nom}</span>
                  </td>
                  <td data-label={m.colGuest}>{guest}</td>
                  <td data-label={m.colStatus}>
                    <SheetStatusBadge status={sheetStatus(row, now)} />
                  </td>
                  <td data-label={m.colOpened}>
                    {row.first_opened_at ? formatDateTime(row.first_opened_at) : m.notOpened}
                  </td>
                  <td data-label={m.colLanguage}>{m.language[row.langue] ?? row.langue}</td>
                  <td>
                    <Link
                      className="button button-quiet"
                      to={`/fiches-clients/sejour/${row.reservation_id}`}
                      aria-label={m.openStayLabel(guest)}
                    >
                      {m.openStay}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {pageCount > 1 ? (
          <nav className="sheets-pager" aria-label={m.pager}>
            <button
              type="button"
              className="button button-secondary"
              disabled={current <= 1}
              onClick={() => goTo(current - 1)}
            >
              {m.previous}
            </button>
            <span>{m.page(current, pageCount)}</span>
            <button
              type="button"
              className="button button-secondary"
              disabled={current >= pageCount}
              onClick={() => goTo(current + 1)}
            >
              {m.next}
            </button>
          </nav>
        ) : null}
      </>
    );
  }

  return (
    <div className="page sheets-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <p className="sheets-intro">{m.pageIntro}</p>
      {content}
    </div>
  );
}
