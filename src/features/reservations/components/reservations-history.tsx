import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { LoadError } from '@/components/load-error';
import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import {
  HISTORY_PAGE_SIZE,
  type HistorySort,
  useReservationsHistory,
} from '@/features/reservations/api/get-reservations-history';
import {
  ActionsCell,
  COLUMNS,
  type RowActions,
} from '@/features/reservations/components/reservation-cells';
import { hasActiveFilters, type ReservationFilters } from '@/features/reservations/list-params';
import { reservationsMessages as m } from '@/features/reservations/messages';
import { commonMessages } from '@/lib/i18n';

/**
 * A row's height before it is measured: one line of the table from 48rem, a card below.
 * Close estimates mean few corrections (each one moves every row below it).
 */
const WIDE_SCREEN = '(min-width: 48rem)';
const ESTIMATED_ROW_HEIGHT = { wide: 64, narrow: 164 } as const;

let wideQuery: MediaQueryList | null = null;

/** One MediaQueryList for the page: creating one per render would force a style recalc. */
function wideScreenQuery(): MediaQueryList {
  wideQuery ??= window.matchMedia(WIDE_SCREEN);
  return wideQuery;
}

function subscribeToWidth(onChange: () => void): () => void {
  const query = wideScreenQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function useWideScreen(): boolean {
  return useSyncExternalStore(
    subscribeToWidth,
    () => wideScreenQuery().matches,
    () => true,
  );
}

/** Rows rendered beyond each edge of the viewport, so a fast scroll finds them ready. */
const OVERSCAN = 8;
/**
 * Ask for the next keyset page while the viewport's last row is this close to the end of
 * what is loaded: a page and a half ahead (~19,000 px of table), far more than a fling
 * scrolls during one request, so the loading row does not come into view.
 */
const PREFETCH_AHEAD = Math.round(HISTORY_PAGE_SIZE * 1.5);

interface ReservationsHistoryProps extends RowActions {
  filters: ReservationFilters;
  sort: HistorySort;
}

/**
 * "Tout l'historique": every matching reservation in one scrolling list. Only the rows in
 * (and just around) the viewport are in the DOM, whatever the list's length; rows come
 * from the server by keyset pages of 200, fetched ahead of the scroll.
 */
export function ReservationsHistory({ filters, sort, onEdit }: ReservationsHistoryProps) {
  const history = useReservationsHistory(filters, sort);
  const scrollerRef = useRef<HTMLElement>(null);
  const wide = useWideScreen();
  const headRef = useRef<HTMLTableSectionElement>(null);
  const canvasRef = useRef<HTMLTableSectionElement>(null);
  // The rows start below the sticky header: the virtualizer counts from there.
  const [scrollMargin, setScrollMargin] = useState(0);
  const rows = useMemo(
    () => history.data?.pages.flatMap((page) => page.rows) ?? [],
    [history.data],
  );
  const total = history.data?.pages[0]?.total ?? rows.length;
  const { hasNextPage, isFetching, fetchNextPage, isFetchNextPageError } = history;
  // One extra row at the end while more can come: it says "loading" or offers a retry.
  const count = rows.length + (hasNextPage ? 1 : 0);

  // Stable callbacks: the virtualiser recomputes every row's position (20,000 of them deep
  // in the history) whenever one of its options changes identity.
  const estimateSize = useCallback(
    () => (wide ? ESTIMATED_ROW_HEIGHT.wide : ESTIMATED_ROW_HEIGHT.narrow),
    [wide],
  );
  const getItemKey = useCallback((index: number) => rows[index]?.id ?? 'fin', [rows]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollerRef.current,
    estimateSize,
    overscan: OVERSCAN,
    getItemKey,
    scrollMargin,
  });
  // Table ↔ cards (a rotated tablet): every row changes height, measure them again.
  const measuredWide = useRef(wide);
  useEffect(() => {
    if (measuredWide.current === wide) return;
    measuredWide.current = wide;
    virtualizer.measure();
  }, [wide, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const lastVisible = items.at(-1)?.index ?? 0;

  const loaded = rows.length > 0;
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    const head = headRef.current;
    const canvas = canvasRef.current;
    if (!loaded || !scroller || !head || !canvas) return;
    const measure = () =>
      setScrollMargin(
        canvas.getBoundingClientRect().top -
          scroller.getBoundingClientRect().top +
          scroller.scrollTop,
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    return () => observer.disconnect();
  }, [loaded]);

  // Not while any fetch runs: after a save every loaded page is read again (invalidation),
  // and asking for the next page then would cancel that refresh half-way.
  useEffect(() => {
    if (!hasNextPage || isFetching || isFetchNextPageError) return;
    if (lastVisible >= rows.length - PREFETCH_AHEAD) void fetchNextPage();
  }, [hasNextPage, isFetching, isFetchNextPageError, lastVisible, rows.length, fetchNextPage]);

  if (history.isPending && history.fetchStatus === 'paused') {
    return <p className="page-state">{m.offline}</p>;
  }
  if (history.isPending) {
    return (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  }
  if (history.isError && rows.length === 0) {
    return (
      <LoadError message={m.loadError} error={history.error} onRetry={() => history.refetch()} />
    );
  }
  if (rows.length === 0) {
    return hasActiveFilters(filters) ? (
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

  return (
    <div className="resa-results">
      <p className="resa-summary" role="status">
        {m.count(total)}
      </p>
      <section
        ref={scrollerRef}
        className="resa-history"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to scroll it with the keyboard
        tabIndex={0}
        aria-label={m.historyLabel}
        data-testid="resa-history-scroller"
      >
        <table className="resa-history-table" aria-rowcount={total + 1}>
          <caption className="visually-hidden">{m.historyLabel}</caption>
          <thead ref={headRef} className="resa-history-head">
            <tr className="resa-grid" aria-rowindex={1}>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" className={`resa-col-${column.key}`}>
                  {column.label}
                </th>
              ))}
              <th scope="col" className="resa-col-actions">
                <span className="visually-hidden">{m.colActions}</span>
              </th>
            </tr>
          </thead>
          <tbody
            ref={canvasRef}
            className="resa-history-canvas"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => {
              const row = rows[item.index];
              const offset = item.start - scrollMargin;
              return row ? (
                <HistoryRow
                  key={item.key}
                  row={row}
                  index={item.index}
                  offset={offset}
                  measure={virtualizer.measureElement}
                  onEdit={onEdit}
                />
              ) : (
                <tr
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="resa-row resa-row-end"
                  aria-rowindex={item.index + 2}
                  style={{ transform: `translateY(${offset}px)` }}
                >
                  {isFetchNextPageError ? (
                    <td className="resa-row-end-cell" colSpan={COLUMNS.length + 1}>
                      {m.historyLoadError}{' '}
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => void fetchNextPage()}
                      >
                        {commonMessages.retry}
                      </button>
                    </td>
                  ) : (
                    <td className="resa-row-end-cell" colSpan={COLUMNS.length + 1} aria-busy="true">
                      {m.historyLoadingMore}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      {!hasNextPage ? <p className="resa-note">{m.historyEnd}</p> : null}
    </div>
  );
}

interface HistoryRowProps extends RowActions {
  row: ReservationListRow;
  index: number;
  /** Distance from the top of the list, in pixels. */
  offset: number;
  measure: (element: HTMLTableRowElement | null) => void;
}

/**
 * One row of the history. Memoised: while scrolling, the list re-renders on every frame,
 * and only the rows that enter the viewport (or move) render again.
 */
const HistoryRow = memo(function HistoryRow({
  row,
  index,
  offset,
  measure,
  onEdit,
}: HistoryRowProps) {
  return (
    <tr
      ref={measure}
      data-index={index}
      className="resa-grid resa-row"
      aria-rowindex={index + 2}
      data-status={row.status}
      data-overlap={row.has_overlap || undefined}
      style={{ transform: `translateY(${offset}px)` }}
    >
      {COLUMNS.map(({ key, label, Cell }) => (
        <td key={key} className={`resa-col-${key}`} data-label={label}>
          <Cell row={row} />
        </td>
      ))}
      <td className="resa-col-actions">
        <ActionsCell row={row} onEdit={onEdit} />
      </td>
    </tr>
  );
});
