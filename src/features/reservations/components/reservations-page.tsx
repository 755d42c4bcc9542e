import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import { CancelReservationDialog } from '@/features/reservations/components/cancel-reservation-dialog';
import { GiteLookupContext } from '@/features/reservations/components/gite-lookup';
import { ReservationFiltersBar } from '@/features/reservations/components/reservation-filters';
import {
  ReservationFormDialog,
  type ReservationFormMode,
} from '@/features/reservations/components/reservation-form-dialog';
import { ReservationsHistory } from '@/features/reservations/components/reservations-history';
import { ReservationsPaged } from '@/features/reservations/components/reservations-paged';
import {
  DEFAULT_LIST_PARAMS,
  parseListParams,
  type ReservationFilters,
  type ReservationListParams,
  serializeListParams,
  supportsKeyset,
  withFilters,
} from '@/features/reservations/list-params';
import { reservationsMessages as m } from '@/features/reservations/messages';
import '@/features/reservations/reservations.css';
import { useOwnerGites } from '@/lib/owner-gites';
import { useWriteAccess } from '@/lib/pwa/write-access';

type Dialog =
  | { kind: 'form'; mode: ReservationFormMode }
  | { kind: 'cancel'; row: ReservationListRow }
  | null;

function search(params: ReservationListParams): string {
  const query = serializeListParams(params).toString();
  return query ? `?${query}` : '?';
}

/**
 * /reservations: every stay of the owner, filtered and sorted by the database, by pages of
 * 50 or as one virtualised history; add, edit and cancel direct bookings. The whole state
 * of the list lives in the URL.
 */
export function ReservationsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseListParams(searchParams), [searchParams]);
  const gites = useOwnerGites();
  const giteById = useMemo(
    () => new Map((gites.data ?? []).map((gite) => [gite.id, gite])),
    [gites.data],
  );
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const write = useWriteAccess();

  // Each change builds on the latest one asked for, not on this render's params: a change
  // made before the previous navigation has landed (sort, then gîte, quickly) must not undo
  // it. The ref follows the URL once a navigation lands.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const go = useCallback(
    (
      update: (current: ReservationListParams) => ReservationListParams,
      options?: { replace?: boolean },
    ) => {
      const next = update(latest.current);
      latest.current = next;
      setSearchParams(serializeListParams(next), options);
    },
    [setSearchParams],
  );

  const onFilters = (patch: Partial<ReservationFilters>, options?: { replace?: boolean }) =>
    go((current) => withFilters(current, patch), options);

  const onPageCorrected = useCallback(
    (page: number) => go((current) => ({ ...current, page }), { replace: true }),
    [go],
  );

  const request = useMemo(
    () => ({ filters: params.filters, sort: params.sort, page: params.page }),
    [params],
  );
  const historyAvailable = supportsKeyset(params.sort);
  const showHistory = params.view === 'history' && historyAvailable;
  const giteList = gites.data ?? [];
  const defaultGiteId =
    params.filters.giteId ?? (giteList.length === 1 ? (giteList[0]?.id ?? null) : null);

  // Stable, so the memoised rows of the history do not all render again on each change.
  const actions = useMemo(
    () => ({
      onEdit: (row: ReservationListRow) => {
        setNotice(null);
        setDialog({ kind: 'form', mode: { kind: 'edit', row } });
      },
    }),
    [],
  );

  function done(message: string) {
    setDialog(null);
    setNotice(message);
  }

  return (
    <GiteLookupContext.Provider value={giteById}>
      <div className="page resa-page">
        <div className="page-header">
          <h1>{m.pageTitle}</h1>
          <button
            type="button"
            className="button button-primary"
            disabled={write.blocked}
            {...write.reasonProps}
            onClick={() => {
              setNotice(null);
              setDialog({ kind: 'form', mode: { kind: 'create' } });
            }}
          >
            + {m.add}
          </button>
        </div>
        <p className="notice" role="status">
          {notice}
        </p>
        <ReservationFiltersBar
          params={params}
          gites={giteList}
          onFilters={onFilters}
          onSort={(sort) => go((current) => ({ ...current, sort, page: 1 }))}
          onView={(view) => go((current) => ({ ...current, view, page: 1 }))}
          onReset={() =>
            go((current) => ({ ...DEFAULT_LIST_PARAMS, sort: current.sort, view: current.view }))
          }
        />
        {params.view === 'history' && !historyAvailable ? (
          <p className="resa-note" role="note">
            {m.historyNeedsDateSort}
          </p>
        ) : null}
        {showHistory && supportsKeyset(params.sort) ? (
          <ReservationsHistory filters={params.filters} sort={params.sort} {...actions} />
        ) : (
          <ReservationsPaged
            request={request}
            hrefFor={(page) => search({ ...params, page })}
            onPageCorrected={onPageCorrected}
            {...actions}
          />
        )}
        {dialog?.kind === 'form' ? (
          <ReservationFormDialog
            mode={dialog.mode}
            gites={giteList}
            defaultGiteId={defaultGiteId}
            onClose={() => setDialog(null)}
            onSaved={done}
            onRequestCancel={(row) => setDialog({ kind: 'cancel', row })}
          />
        ) : null}
        {dialog?.kind === 'cancel' ? (
          <CancelReservationDialog
            row={dialog.row}
            onClose={() => setDialog(null)}
            onCancelled={done}
          />
        ) : null}
      </div>
    </GiteLookupContext.Provider>
  );
}
