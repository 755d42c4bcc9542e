import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import {
  type CalendarStay,
  calendarQueries,
  useCalendarMonth,
} from '@/features/calendar/api/get-calendar-month';
import {
  addMonths,
  monthLabel,
  sameYearMonth,
  yearMonthOf,
} from '@/features/calendar/calendar-dates';
import {
  type CalendarParams,
  calendarSearch,
  parseCalendarParams,
} from '@/features/calendar/calendar-params';
import { MonthGrid } from '@/features/calendar/components/month-grid';
import { StayDialog } from '@/features/calendar/components/stay-dialog';
import { Timeline } from '@/features/calendar/components/timeline';
import { calendarMessages as m } from '@/features/calendar/messages';
import { todayIso } from '@/lib/iso-date';
import { platformColour, platformLabel, RESERVATION_PLATFORMS } from '@/lib/platforms';
import '@/features/calendar/calendar.css';

interface OpenStay {
  stay: CalendarStay;
  giteNom: string;
}

function Legend() {
  return (
    <ul className="calendar-legend" aria-label={m.legend}>
      {RESERVATION_PLATFORMS.map((platform) => (
        <li key={platform}>
          <span
            className="legend-swatch"
            style={{ background: platformColour(platform) }}
            aria-hidden="true"
          />
          {platformLabel(platform)}
        </li>
      ))}
      <li>
        <span className="legend-swatch legend-swatch-blocked" aria-hidden="true" />
        {m.blocked}
      </li>
      <li>
        <span className="legend-swatch legend-swatch-overlap" aria-hidden="true">
          ⚠
        </span>
        {m.overlap}
      </li>
    </ul>
  );
}

/** /calendrier: every gîte on a timeline, or one gîte's month; the month and gîte in the URL. */
export function CalendarPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const today = todayIso();
  const params = parseCalendarParams(searchParams, today);
  const { month, giteId } = params;
  const calendar = useCalendarMonth(params);
  const [open, setOpen] = useState<OpenStay | null>(null);
  const trigger = useRef<HTMLButtonElement | null>(null);

  const previous = { month: addMonths(month, -1), giteId };
  const next = { month: addMonths(month, 1), giteId };
  const current = { month: yearMonthOf(today), giteId };
  const isCurrentMonth = sameYearMonth(month, current.month);

  function prefetch(target: CalendarParams) {
    void queryClient.prefetchQuery(calendarQueries.month(target));
  }

  function openStay(stay: CalendarStay, giteNom: string, button: HTMLButtonElement) {
    trigger.current = button;
    setOpen({ stay, giteNom });
  }

  function closeStay() {
    setOpen(null);
    // Back to the bar that opened the dialog, if it is still on the page.
    if (trigger.current?.isConnected) trigger.current.focus();
  }

  const gites = calendar.data ?? [];
  const gite = giteId ? gites.find((item) => item.id === giteId) : undefined;

  let content: ReactNode;
  if (calendar.isPending && calendar.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (calendar.isPending) {
    content = (
      <div className="calendar-skeleton" aria-busy="true">
        <p className="page-state">{m.loading}</p>
        <div className="skeleton-block" />
      </div>
    );
  } else if (calendar.isError) {
    content = (
      <LoadError message={m.loadError} error={calendar.error} onRetry={() => calendar.refetch()} />
    );
  } else if (gites.length === 0) {
    content = (
      <div className="card empty-state">
        <p>
          <strong>{m.noGite}</strong> {m.addFirstGiteHint}
        </p>
        <p>
          <Link to="/gites" className="button button-primary">
            {m.addFirstGite}
          </Link>
        </p>
      </div>
    );
  } else if (giteId && !gite) {
    content = <FormAlert>{m.unknownGite}</FormAlert>;
  } else if (gite) {
    content = <MonthGrid month={month} gite={gite} today={today} onOpenStay={openStay} />;
  } else {
    content = <Timeline month={month} gites={gites} today={today} onOpenStay={openStay} />;
  }

  const viewOptions = [
    { value: '', label: m.viewAll },
    ...gites.map((item) => ({ value: item.id, label: m.viewGite(item.nom) })),
  ];
  if (giteId && !gite) viewOptions.push({ value: giteId, label: '—' });

  return (
    <div className="page calendar-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <div className="calendar-toolbar">
        <h2 className="calendar-month-title" aria-live="polite">
          {monthLabel(month)}
        </h2>
        <nav className="calendar-month-nav" aria-label={m.monthNav}>
          <Link
            className="button button-secondary calendar-nav-button"
            to={calendarSearch(previous)}
            preventScrollReset
            onMouseEnter={() => prefetch(previous)}
            onFocus={() => prefetch(previous)}
          >
            <span aria-hidden="true">‹</span>
            <span className="calendar-nav-text">{m.previousMonth}</span>
          </Link>
          <Link
            className="button button-secondary"
            to={calendarSearch(current)}
            preventScrollReset
            aria-current={isCurrentMonth ? 'date' : undefined}
          >
            {m.today}
          </Link>
          <Link
            className="button button-secondary calendar-nav-button"
            to={calendarSearch(next)}
            preventScrollReset
            onMouseEnter={() => prefetch(next)}
            onFocus={() => prefetch(next)}
          >
            <span className="calendar-nav-text">{m.nextMonth}</span>
            <span aria-hidden="true">›</span>
          </Link>
        </nav>
        <div className="field calendar-view-field">
          <label htmlFor="calendar-view">{m.viewLabel}</label>
          <select
            id="calendar-view"
            value={giteId ?? ''}
            disabled={gites.length === 0}
            onChange={(event) =>
              navigate({ search: calendarSearch({ month, giteId: event.target.value || null }) })
            }
          >
            {viewOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Legend />
      {content}
      {open ? <StayDialog stay={open.stay} giteNom={open.giteNom} onClose={closeStay} /> : null}
    </div>
  );
}
