import { useEffect, useId, useRef, useState } from 'react';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import {
  hasActiveFilters,
  RESERVATION_SORTS,
  RESERVATION_STATUSES,
  type ReservationFilters,
  type ReservationListParams,
  type ReservationSort,
  type ReservationView,
  SEARCH_MAX_LENGTH,
} from '@/features/reservations/list-params';
import { reservationsMessages as m } from '@/features/reservations/messages';
import type { OwnerGite } from '@/lib/owner-gites';
import { isReservationPlatform, reservationPlatformOptions } from '@/lib/platforms';

/** Typing pauses this long before the search goes to the URL and the server. */
export const SEARCH_DEBOUNCE_MS = 300;

interface ReservationFiltersBarProps {
  params: ReservationListParams;
  gites: readonly OwnerGite[];
  /** A filter changed: a new history entry (back returns to the previous filters). */
  onFilters: (patch: Partial<ReservationFilters>, options?: { replace?: boolean }) => void;
  onSort: (sort: ReservationSort) => void;
  onView: (view: ReservationView) => void;
  onReset: () => void;
}

const statusOptions = [
  { value: '', label: m.allStatuses },
  ...RESERVATION_STATUSES.map((status) => ({ value: status, label: m.status[status] })),
];
const platformOptions = [{ value: '', label: m.allPlatforms }, ...reservationPlatformOptions];
const sortOptions = RESERVATION_SORTS.map((sort) => ({ value: sort, label: m.sortOptions[sort] }));

/** The guest-name box: instant for the owner, debounced for the server. */
function SearchField({
  id,
  value,
  onCommit,
}: {
  id: string;
  value: string;
  onCommit: (value: string) => void;
}) {
  const [text, setText] = useState(value);
  const committed = useRef(value);
  const commit = useRef(onCommit);
  useEffect(() => {
    commit.current = onCommit;
  });

  // The URL changed under us (back/forward, "effacer les filtres"): show its value.
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === committed.current.trim()) return;
    const timer = window.setTimeout(() => {
      committed.current = trimmed;
      commit.current(trimmed);
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text]);

  return (
    <TextField
      id={id}
      className="resa-filter-search"
      label={m.searchFilter}
      type="search"
      inputMode="search"
      autoComplete="off"
      spellCheck={false}
      maxLength={SEARCH_MAX_LENGTH}
      placeholder={m.searchPlaceholder}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}

export function ReservationFiltersBar({
  params,
  gites,
  onFilters,
  onSort,
  onView,
  onReset,
}: ReservationFiltersBarProps) {
  const id = useId();
  const { filters } = params;
  // On a phone the fields beyond the name search fold away, so the list stays in view.
  const [expanded, setExpanded] = useState(false);
  const activeCount = [
    filters.giteId,
    filters.platform,
    filters.status,
    filters.from,
    filters.to,
  ].filter((value) => value !== null).length;
  const giteOptions = [
    { value: '', label: m.allGites },
    ...gites.map((gite) => ({ value: gite.id, label: gite.nom })),
  ];
  // A gîte from the URL that is not in the list (deleted since) still shows as selected.
  if (filters.giteId && !gites.some((gite) => gite.id === filters.giteId)) {
    giteOptions.push({ value: filters.giteId, label: m.unknownGite });
  }

  return (
    <search className="resa-filters card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {m.filtersTitle}
      </h2>
      <div id={`${id}-grid`} className="resa-filter-grid" data-expanded={expanded || undefined}>
        <SearchField
          id={`${id}-q`}
          value={filters.search}
          onCommit={(search) => onFilters({ search }, { replace: true })}
        />
        <SelectField
          id={`${id}-gite`}
          className="resa-filter-more"
          label={m.giteFilter}
          value={filters.giteId ?? ''}
          options={giteOptions}
          onChange={(event) => onFilters({ giteId: event.target.value || null })}
        />
        <SelectField
          id={`${id}-platform`}
          className="resa-filter-more"
          label={m.platformFilter}
          value={filters.platform ?? ''}
          options={platformOptions}
          onChange={(event) => {
            const value = event.target.value;
            onFilters({ platform: isReservationPlatform(value) ? value : null });
          }}
        />
        <SelectField
          id={`${id}-status`}
          className="resa-filter-more"
          label={m.statusFilter}
          value={filters.status ?? ''}
          options={statusOptions}
          onChange={(event) => {
            const value = RESERVATION_STATUSES.find((status) => status === event.target.value);
            onFilters({ status: value ?? null });
          }}
        />
        <TextField
          id={`${id}-from`}
          className="resa-filter-more"
          label={m.fromFilter}
          type="date"
          value={filters.from ?? ''}
          hint={m.dateFilterHint}
          onChange={(event) => onFilters({ from: event.target.value || null })}
        />
        <TextField
          id={`${id}-to`}
          className="resa-filter-more"
          label={m.toFilter}
          type="date"
          value={filters.to ?? ''}
          min={filters.from ?? undefined}
          onChange={(event) => onFilters({ to: event.target.value || null })}
        />
        <SelectField
          id={`${id}-sort`}
          className="resa-filter-more"
          label={m.sortLabel}
          value={params.sort}
          options={sortOptions}
          onChange={(event) => {
            const value = RESERVATION_SORTS.find((sort) => sort === event.target.value);
            if (value) onSort(value);
          }}
        />
      </div>
      <div className="resa-filter-actions">
        <button
          type="button"
          className="button button-secondary resa-filter-toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-grid`}
          onClick={() => setExpanded((open) => !open)}
        >
          {expanded ? m.fewerFilters : m.moreFilters(activeCount)}
        </button>
        <fieldset className="resa-view-switch">
          <legend className="visually-hidden">{m.viewLabel}</legend>
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={params.view === 'pages'}
            onClick={() => onView('pages')}
          >
            {m.viewPages}
          </button>
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={params.view === 'history'}
            onClick={() => onView('history')}
          >
            {m.viewHistory}
          </button>
        </fieldset>
        {hasActiveFilters(filters) ? (
          <button type="button" className="button button-quiet" onClick={onReset}>
            {m.resetFilters}
          </button>
        ) : null}
      </div>
    </search>
  );
}
