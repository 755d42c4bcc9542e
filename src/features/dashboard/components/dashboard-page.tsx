import { type CSSProperties, type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { LoadError } from '@/components/load-error';
import {
  type DashboardOccupancy,
  type DashboardStay,
  type DashboardSummary,
  type DashboardUpcoming,
  useDashboardSummary,
} from '@/features/dashboard/api/get-dashboard-summary';
import { useNextCleanings } from '@/features/dashboard/api/get-next-cleanings';
import { groupByDate } from '@/features/dashboard/dashboard-format';
import { dashboardMessages as m } from '@/features/dashboard/messages';
import { daysBetween, formatIsoDate, type IsoDate, todayIso } from '@/lib/iso-date';
import { formatEuros } from '@/lib/money';
import { platformColour, platformLabel } from '@/lib/platforms';
import { formatChange, formatRate, ratePercent, relativeChange } from '@/lib/rates';
import '@/features/dashboard/dashboard.css';

function dayLong(iso: IsoDate): string {
  return formatIsoDate(iso, { weekday: 'long', day: 'numeric', month: 'long' });
}

function guestName(stay: DashboardStay): string {
  const nom = stay.client_nom?.trim();
  return nom ? nom : m.guestUnknown;
}

/** One stay in a list: guest, gîte, platform, nights and guests. Every value is text. */
function StayLine({ stay, extra }: { stay: DashboardStay; extra?: ReactNode }) {
  const nights = daysBetween(stay.date_debut, stay.date_fin);
  return (
    <li
      className="dash-stay"
      style={{ '--stay-colour': platformColour(stay.plateforme) } as CSSProperties}
    >
      <span className="dash-stay-dot" aria-hidden="true" />
      <div className="dash-stay-body">
        <p className="dash-stay-main">
          {extra}
          <strong>{guestName(stay)}</strong>
          <span className="dash-stay-gite"> · {stay.gite_nom}</span>
        </p>
        <p className="dash-stay-meta">
          {platformLabel(stay.plateforme)} · {m.nights(nights)}
          {stay.nb_personnes === null ? null : ` · ${m.guests(stay.nb_personnes)}`}
        </p>
      </div>
    </li>
  );
}

function StayList({ stays, empty }: { stays: DashboardStay[]; empty: string }) {
  if (stays.length === 0) return <p className="dash-empty">{empty}</p>;
  return (
    <ul className="dash-stays">
      {stays.map((stay) => (
        <StayLine key={stay.id} stay={stay} />
      ))}
    </ul>
  );
}

function Card({
  title,
  name,
  children,
}: {
  title: ReactNode;
  /** Which card it is, for the layout (dashboard.css). */
  name: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card dash-card" data-card={name} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function TodayCard({ summary }: { summary: DashboardSummary }) {
  return (
    <Card name="today" title={m.todayTitle}>
      <div className="dash-today">
        <div>
          <h3>
            {m.arrivals} <span className="dash-count">{summary.arrivals_today.length}</span>
          </h3>
          <StayList stays={summary.arrivals_today} empty={m.noArrival} />
        </div>
        <div>
          <h3>
            {m.departures} <span className="dash-count">{summary.departures_today.length}</span>
          </h3>
          <StayList stays={summary.departures_today} empty={m.noDeparture} />
        </div>
      </div>
    </Card>
  );
}

function UpcomingCard({ items }: { items: DashboardUpcoming[] }) {
  return (
    <Card name="next-days" title={m.nextDaysTitle}>
      {items.length === 0 ? (
        <p className="dash-empty">{m.nothingNextDays}</p>
      ) : (
        <ol className="dash-days">
          {groupByDate(items).map((group) => (
            <li key={group.date}>
              <h3 className="dash-day-title">{dayLong(group.date)}</h3>
              <ul className="dash-stays">
                {group.items.map((item) => (
                  <StayLine
                    key={`${item.kind}-${item.id}`}
                    stay={item}
                    extra={
                      <span className="dash-kind" data-kind={item.kind}>
                        {item.kind === 'arrival' ? m.arrival : m.departure}
                      </span>
                    }
                  />
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function OccupancyRow({ row }: { row: DashboardOccupancy }) {
  const id = useId();
  const detail = m.occupancyDetail(row.nights_booked, row.nights_in_month);
  return (
    <li className="dash-occupancy-row">
      <div className="dash-occupancy-head">
        <span id={`${id}-name`} className="dash-occupancy-name">
          {row.gite_nom}
        </span>
        <span className="dash-occupancy-rate">{formatRate(row.rate)}</span>
      </div>
      <meter
        className="dash-meter"
        min={0}
        max={100}
        value={ratePercent(row.rate)}
        aria-labelledby={`${id}-name`}
        aria-describedby={`${id}-detail`}
      >
        {formatRate(row.rate)}
      </meter>
      <p id={`${id}-detail`} className="dash-occupancy-detail">
        {detail}
        {row.nights_blocked > 0 ? ` · ${m.occupancyBlocked(row.nights_blocked)}` : null}
      </p>
    </li>
  );
}

function OccupancyCard({ rows, today }: { rows: DashboardOccupancy[]; today: IsoDate }) {
  return (
    <Card
      name="occupancy"
      title={m.occupancyTitle(formatIsoDate(today, { month: 'long', year: 'numeric' }))}
    >
      <ul className="dash-occupancy">
        {rows.map((row) => (
          <OccupancyRow key={row.gite_id} row={row} />
        ))}
      </ul>
      <p>
        <Link to="/calendrier">{m.openCalendar}</Link>
      </p>
    </Card>
  );
}

function RevenueCard({ summary, today }: { summary: DashboardSummary; today: IsoDate }) {
  const year = Number(today.slice(0, 4));
  const change = relativeChange(summary.revenue_ytd, summary.revenue_ytd_previous);
  return (
    <Card name="revenue" title={m.revenueTitle(year)}>
      <div className="dash-revenue">
        <div>
          <p className="dash-revenue-amount">
            {formatEuros(summary.revenue_ytd, { cents: false })}
          </p>
          <p className="dash-revenue-note">
            {m.revenueSince(formatIsoDate(today, { day: 'numeric', month: 'long' }))}
          </p>
        </div>
        <div className="dash-revenue-previous">
          <p className="dash-revenue-label">{m.revenuePrevious(year - 1)}</p>
          <p className="dash-revenue-previous-amount">
            {formatEuros(summary.revenue_ytd_previous, { cents: false })}
          </p>
          {change === null ? null : (
            <p className="dash-revenue-change" data-trend={change >= 0 ? 'up' : 'down'}>
              {m.revenueChange(formatChange(change))}
            </p>
          )}
        </div>
      </div>
    </Card>
  );
}

function Skeleton() {
  return (
    <div className="dash-grid" aria-busy="true">
      <p className="visually-hidden" role="status">
        {m.loading}
      </p>
      {[0, 1, 2, 3].map((index) => (
        <div key={index} className="card dash-card dash-skeleton" aria-hidden="true">
          <span className="dash-skeleton-line dash-skeleton-title" />
          <span className="dash-skeleton-line" />
          <span className="dash-skeleton-line" />
          <span className="dash-skeleton-line dash-skeleton-short" />
        </div>
      ))}
    </div>
  );
}

function CleaningsCard({ today }: { today: IsoDate }) {
  const cleanings = useNextCleanings(today);
  let body: ReactNode;
  if (cleanings.isError) body = <p className="dash-empty">{m.cleaningsUnavailable}</p>;
  else if (!cleanings.data) body = <p className="dash-empty">{m.loading}</p>;
  else if (cleanings.data.length === 0) body = <p className="dash-empty">{m.noCleanings}</p>;
  else
    body = (
      <ul className="dash-cleanings">
        {cleanings.data.map((cleaning) => (
          <li key={cleaning.id}>
            <strong>{dayLong(cleaning.date)}</strong>
            {' · '}
            {cleaning.gites?.nom}
            {cleaning.cleaning_same_day ? (
              <span className="dash-same-day"> {m.sameDay}</span>
            ) : null}
            <span className="dash-stay-meta"> — {cleaning.cleaners?.nom ?? m.noCleaner}</span>
          </li>
        ))}
      </ul>
    );
  return (
    <Card name="cleanings" title={m.cleaningsTitle}>
      {body}
      <p>
        <Link to="/menage">{m.openCleanings}</Link>
      </p>
    </Card>
  );
}

/** /tableau-de-bord, the home page: today, the coming week, this month, this year. */
export function DashboardPage() {
  const today = todayIso();
  const summary = useDashboardSummary(today);

  let content: ReactNode;
  if (summary.isPending && summary.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (summary.isPending) {
    content = <Skeleton />;
  } else if (summary.isError) {
    content = (
      <LoadError message={m.loadError} error={summary.error} onRetry={() => summary.refetch()} />
    );
  } else if (summary.data.occupancy.length === 0) {
    // Every gîte has an occupancy row: none means the owner has no gîte yet.
    content = (
      <div className="card empty-state dash-welcome">
        <h2>{m.welcome}</h2>
        <p>{m.addFirstGiteHint}</p>
        <p>
          <Link to="/gites" className="button button-primary">
            {m.addFirstGite}
          </Link>
        </p>
      </div>
    );
  } else {
    content = (
      <div className="dash-grid">
        <TodayCard summary={summary.data} />
        <UpcomingCard items={summary.data.next_7_days} />
        <OccupancyCard rows={summary.data.occupancy} today={today} />
        <RevenueCard summary={summary.data} today={today} />
        <CleaningsCard today={today} />
      </div>
    );
  }

  return (
    <div className="page dashboard-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
        <p className="dash-date">{formatIsoDate(today, { dateStyle: 'full' })}</p>
      </div>
      {content}
    </div>
  );
}
