import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import {
  PAGE_SIZE,
  type ReservationsPageRequest,
  reservationKeys,
  reservationsQueries,
  useReservationsPage,
} from '@/features/reservations/api/get-reservations';
import type { RowActions } from '@/features/reservations/components/reservation-cells';
import { ReservationsTable } from '@/features/reservations/components/reservations-table';
import { hasActiveFilters } from '@/features/reservations/list-params';
import { reservationsMessages as m } from '@/features/reservations/messages';
import { commonMessages } from '@/lib/i18n';
import { pageRowSpan } from '@/lib/pagination';

interface ReservationsPagedProps extends RowActions {
  request: ReservationsPageRequest;
  hrefFor: (page: number) => string;
  /** The server answered another page than the URL's (past the end): fix the URL. */
  onPageCorrected: (page: number) => void;
}

/** Pages of 50, read from the server one at a time; the next page is fetched ahead. */
export function ReservationsPaged({
  request,
  hrefFor,
  onPageCorrected,
  onEdit,
}: ReservationsPagedProps) {
  const queryClient = useQueryClient();
  const query = useReservationsPage(request);
  const [pastEnd, setPastEnd] = useState<{ asked: number; shown: number } | null>(null);
  const topRef = useRef<HTMLParagraphElement>(null);
  const data = query.data;
  const fresh = data !== undefined && !query.isPlaceholderData;

  // Past the end: keep the answer under the last page's key, then point the URL at it.
  useEffect(() => {
    if (!fresh || data.page === request.page) return;
    queryClient.setQueryData(reservationKeys.page(request.filters, request.sort, data.page), data);
    setPastEnd({ asked: request.page, shown: data.page });
    onPageCorrected(data.page);
  }, [fresh, data, request, queryClient, onPageCorrected]);

  // The note stays while the URL moves from the asked page to the shown one, then goes
  // as soon as the owner goes to another page.
  useEffect(() => {
    if (pastEnd && request.page !== pastEnd.shown && request.page !== pastEnd.asked) {
      setPastEnd(null);
    }
  }, [pastEnd, request.page]);

  // The next page is one click away: fetch it while the owner reads this one.
  useEffect(() => {
    if (fresh && data.page < data.pageCount) {
      void queryClient.prefetchQuery(reservationsQueries.page({ ...request, page: data.page + 1 }));
    }
  }, [fresh, data, request, queryClient]);

  // A new page starts at its top, not where the pager was clicked.
  const shownPage = data?.page;
  useEffect(() => {
    const top = topRef.current;
    if (shownPage === undefined || !top) return;
    if (top.getBoundingClientRect().top < 0) top.scrollIntoView({ block: 'start' });
  }, [shownPage]);

  function prefetch(page: number) {
    void queryClient.prefetchQuery(reservationsQueries.page({ ...request, page }));
  }

  if (query.isPending && query.fetchStatus === 'paused') {
    return <p className="page-state">{m.offline}</p>;
  }
  if (query.isPending) {
    return (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  }
  if (query.isError) {
    return <LoadError message={m.loadError} error={query.error} onRetry={() => query.refetch()} />;
  }

  const { rows, total, page, pageCount } = query.data;
  if (total === 0) {
    return hasActiveFilters(request.filters) ? (
      <p className="card empty-state">{m.noMatch}</p>
    ) : (
      <div className="card empty-state">
        <p>
          <strong>{m.empty}</strong>
        </p>
        <p>{m.emptyHint}</p>
      </div>
    );
  }
  const span = pageCount > 1 ? pageRowSpan(page, total, PAGE_SIZE) : null;
  const summary = [m.count(total), span ? m.rowSpan(span.first, span.last, total) : null]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className="resa-results" aria-label={m.pageSummary(page, pageCount)}>
      <p ref={topRef} className="resa-summary" role="status">
        {summary}
        {query.isPlaceholderData ? <span className="resa-updating"> · {m.updating}</span> : null}
      </p>
      {pastEnd ? <p className="resa-note">{m.pastEnd(pastEnd.asked, pastEnd.shown)}</p> : null}
      <ReservationsTable
        rows={rows}
        caption={`${m.pageTitle} — ${m.pageSummary(page, pageCount)}`}
        stale={query.isPlaceholderData}
        onEdit={onEdit}
      />
      <Pager
        label={m.pagerLabel}
        page={page}
        pageCount={pageCount}
        hrefFor={hrefFor}
        onIntent={prefetch}
      />
    </section>
  );
}
