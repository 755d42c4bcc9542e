import { lazy, type ReactNode, Suspense, useId, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import { SelectField } from '@/components/select-field';
import { useServiceStarts } from '@/features/statistics/api/get-service-starts';
import { useStayStatistics } from '@/features/statistics/api/get-statistics';
import { ChartBoundary } from '@/features/statistics/components/chart-boundary';
import type { ChartSeries } from '@/features/statistics/components/monthly-bar-chart';
import { statisticsMessages as m } from '@/features/statistics/messages';
import {
  formatCents,
  formatNights,
  formatOptional,
  monthLongLabel,
  monthShortLabel,
} from '@/features/statistics/statistics-format';
import {
  type Figures,
  monthlyTable,
  type ServiceStarts,
  type StatisticsRow,
  type YearFigures,
  yearFigures,
} from '@/features/statistics/statistics-model';
import {
  parseStatisticsParams,
  type StatisticsParams,
  statisticsSearch,
  yearChoices,
} from '@/features/statistics/statistics-params';
import { todayIso } from '@/lib/iso-date';
import { type OwnerGite, useOwnerGites } from '@/lib/owner-gites';
import { clampPage, pageCount, pageRange } from '@/lib/pagination';
import { platformColour, platformLabel } from '@/lib/platforms';
import { formatChange, formatRate, relativeChange } from '@/lib/rates';
import '@/features/statistics/statistics.css';

const MonthlyBarChart = lazy(() => import('@/features/statistics/components/monthly-bar-chart'));

/** Rows of the monthly table per page (two gîtes' year). */
export const MONTHLY_PAGE_SIZE = 24;

const CURRENT_COLOUR = '#2f6f4f';
const PREVIOUS_COLOUR = '#b9c9bf';
const MONTH_LABELS = Array.from({ length: 12 }, (_, index) => monthShortLabel(index + 1));

function KeyFigure({
  label,
  value,
  previous,
  previousYear,
  change,
  hint,
}: {
  label: string;
  value: string;
  previous: string;
  previousYear: number;
  change: number | null;
  hint?: string;
}) {
  return (
    <div className="stats-key">
      <dt>{label}</dt>
      <dd>
        <span className="stats-key-value">{value}</span>
        <span className="stats-key-previous">
          {m.previousYear(previousYear)} {previous}
          {' · '}
          {change === null ? (
            m.noComparison
          ) : (
            <span data-trend={change >= 0 ? 'up' : 'down'}>{m.change(formatChange(change))}</span>
          )}
        </span>
        {hint ? <span className="stats-key-hint">{hint}</span> : null}
      </dd>
    </div>
  );
}

function KeyFigures({ current, previous }: { current: YearFigures; previous: YearFigures }) {
  const now = current.total;
  const before = previous.total;
  const optionalChange = (a: number | null, b: number | null) =>
    a === null || b === null ? null : relativeChange(a, b);
  return (
    <dl className="stats-keys">
      <KeyFigure
        label={m.occupancy}
        value={formatOptional(now.occupancy, formatRate)}
        previous={formatOptional(before.occupancy, formatRate)}
        previousYear={previous.year}
        change={optionalChange(now.occupancy, before.occupancy)}
      />
      <KeyFigure
        label={m.nights}
        value={formatNights(now.nightsBooked)}
        previous={formatNights(before.nightsBooked)}
        previousYear={previous.year}
        change={relativeChange(now.nightsBooked, before.nightsBooked)}
      />
      <KeyFigure
        label={m.revenue}
        value={formatCents(now.revenueCents)}
        previous={formatCents(before.revenueCents)}
        previousYear={previous.year}
        change={relativeChange(now.revenueCents, before.revenueCents)}
      />
      <KeyFigure
        label={m.averageRate}
        value={formatOptional(now.averageRateCents, formatCents)}
        previous={formatOptional(before.averageRateCents, formatCents)}
        previousYear={previous.year}
        change={optionalChange(now.averageRateCents, before.averageRateCents)}
      />
      <KeyFigure
        label={m.revpar}
        value={formatOptional(now.revparCents, formatCents)}
        previous={formatOptional(before.revparCents, formatCents)}
        previousYear={previous.year}
        change={optionalChange(now.revparCents, before.revparCents)}
        hint={m.revparHint}
      />
    </dl>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card stats-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

const formatChartEuros = (euros: number) => formatCents(euros * 100);

function Charts({ current, previous }: { current: YearFigures; previous: YearFigures }) {
  // Stable series: the charts are redrawn only when the figures change.
  const series = useMemo(() => chartSeries(current, previous), [current, previous]);
  return (
    <Section title={m.chartsTitle}>
      <div className="stats-charts">
        <ChartBoundary fallback={<p className="stats-chart-note">{m.chartUnavailable}</p>}>
          <Suspense fallback={<p className="stats-chart-note">{m.chartLoading}</p>}>
            <MonthlyBarChart
              title={m.revenueChart(current.year, previous.year)}
              monthLabels={MONTH_LABELS}
              series={series.revenue}
              formatValue={formatChartEuros}
            />
            <MonthlyBarChart
              title={m.occupancyChart(current.year, previous.year)}
              monthLabels={MONTH_LABELS}
              series={series.occupancy}
              formatValue={formatRate}
              max={1}
            />
          </Suspense>
        </ChartBoundary>
      </div>
    </Section>
  );
}

function chartSeries(current: YearFigures, previous: YearFigures) {
  const revenue: ChartSeries[] = [
    {
      label: String(current.year),
      colour: CURRENT_COLOUR,
      values: current.months.map((month) => month.figures.revenueCents / 100),
    },
    {
      label: String(previous.year),
      colour: PREVIOUS_COLOUR,
      values: previous.months.map((month) => month.figures.revenueCents / 100),
    },
  ];
  const occupancy: ChartSeries[] = [
    {
      label: String(current.year),
      colour: CURRENT_COLOUR,
      values: current.months.map((month) => month.figures.occupancy),
    },
    {
      label: String(previous.year),
      colour: PREVIOUS_COLOUR,
      values: previous.months.map((month) => month.figures.occupancy),
    },
  ];
  return { revenue, occupancy };
}

function PlatformTable({ year }: { year: YearFigures }) {
  if (year.byPlatform.length === 0)
    return <p className="stats-empty">{m.noStayThisYear(year.year)}</p>;
  return (
    <div className="stats-table-wrap">
      <table className="stats-table">
        <thead>
          <tr>
            <th scope="col">{m.platform}</th>
            <th scope="col">{m.nights}</th>
            <th scope="col">{m.revenue}</th>
            <th scope="col">{m.share}</th>
            <th scope="col">{m.averageRate}</th>
          </tr>
        </thead>
        <tbody>
          {year.byPlatform.map((item) => (
            <tr key={item.platform}>
              <th scope="row">
                <span
                  className="stats-swatch"
                  style={{ background: platformColour(item.platform) }}
                  aria-hidden="true"
                />
                {platformLabel(item.platform)}
              </th>
              <td>{formatNights(item.figures.nightsBooked)}</td>
              <td>{formatCents(item.figures.revenueCents)}</td>
              <td>{formatOptional(item.revenueShare, formatRate)}</td>
              <td>{formatOptional(item.figures.averageRateCents, formatCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GiteTable({
  current,
  previous,
  giteName,
}: {
  current: YearFigures;
  previous: YearFigures;
  giteName: (id: string) => string;
}) {
  const before = new Map(previous.byGite.map((item) => [item.giteId, item.figures]));
  return (
    <div className="stats-table-wrap">
      <table className="stats-table">
        <thead>
          <tr>
            <th scope="col">{m.gite}</th>
            <th scope="col">{m.occupancy}</th>
            <th scope="col">{m.nights}</th>
            <th scope="col">{m.revenue}</th>
            <th scope="col">{m.previousRevenue(previous.year)}</th>
            <th scope="col">{m.averageRate}</th>
            <th scope="col">{m.revpar}</th>
          </tr>
        </thead>
        <tbody>
          {current.byGite.map((item) => (
            <tr key={item.giteId}>
              <th scope="row">{giteName(item.giteId)}</th>
              <td>{formatOptional(item.figures.occupancy, formatRate)}</td>
              <td>{formatNights(item.figures.nightsBooked)}</td>
              <td>{formatCents(item.figures.revenueCents)}</td>
              <td>{formatCents(before.get(item.giteId)?.revenueCents ?? 0)}</td>
              <td>{formatOptional(item.figures.averageRateCents, formatCents)}</td>
              <td>{formatOptional(item.figures.revparCents, formatCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MonthlyTable({
  rows,
  params,
  giteIds,
  starts,
  giteName,
}: {
  rows: StatisticsRow[];
  params: StatisticsParams;
  giteIds: string[];
  starts: ServiceStarts;
  giteName: (id: string) => string;
}) {
  const table = useMemo(
    () => monthlyTable(rows, params.year, giteIds, starts),
    [rows, params.year, giteIds, starts],
  );
  const pages = pageCount(table.length, MONTHLY_PAGE_SIZE);
  const page = clampPage(params.page, table.length, MONTHLY_PAGE_SIZE);
  const { from, to } = pageRange(page, MONTHLY_PAGE_SIZE);
  const shown = table.slice(from, to + 1);
  const oneGite = giteIds.length === 1;
  return (
    <>
      <p className="stats-rows" aria-live="polite">
        {m.rows(from + 1, Math.min(to + 1, table.length), table.length)}
      </p>
      <div className="stats-table-wrap">
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{m.month}</th>
              {oneGite ? null : <th scope="col">{m.gite}</th>}
              <th scope="col">{m.occupancy}</th>
              <th scope="col">{m.nights}</th>
              <th scope="col">{m.revenue}</th>
              <th scope="col">{m.previousRevenue(params.year - 1)}</th>
              <th scope="col">{m.averageRate}</th>
              <th scope="col">{m.revpar}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={`${row.month}-${row.giteId}`}>
                <th scope="row">{monthLongLabel(row.month)}</th>
                {oneGite ? null : <td>{giteName(row.giteId)}</td>}
                <td>{formatOptional(row.figures.occupancy, formatRate)}</td>
                <td>{formatNights(row.figures.nightsBooked)}</td>
                <td>{formatCents(row.figures.revenueCents)}</td>
                <td>{formatCents(row.previous.revenueCents)}</td>
                <td>{formatOptional(row.figures.averageRateCents, formatCents)}</td>
                <td>{formatOptional(row.figures.revparCents, formatCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label={m.pager}
        page={page}
        pageCount={pages}
        hrefFor={(target) => statisticsSearch({ ...params, page: target })}
      />
    </>
  );
}

function MissingAmounts({ figures }: { figures: Figures }) {
  if (figures.arrivalsWithoutAmount === 0) return null;
  return (
    <p className="notice stats-missing">
      {m.missingAmounts(figures.arrivalsWithoutAmount)}{' '}
      <Link to="/reservations">{m.completeLink}</Link>
    </p>
  );
}

function Statistics({
  rows,
  params,
  gites,
  starts,
}: {
  rows: StatisticsRow[];
  params: StatisticsParams;
  gites: OwnerGite[];
  starts: ServiceStarts;
}) {
  const giteIds = useMemo(
    () => (params.giteId ? [params.giteId] : gites.map((gite) => gite.id)),
    [params.giteId, gites],
  );
  const current = useMemo(
    () => yearFigures(rows, params.year, giteIds, starts),
    [rows, params.year, giteIds, starts],
  );
  const previous = useMemo(
    () => yearFigures(rows, params.year - 1, giteIds, starts),
    [rows, params.year, giteIds, starts],
  );
  const names = new Map(gites.map((gite) => [gite.id, gite.nom]));
  const giteName = (id: string) => names.get(id) ?? m.deletedGite;
  return (
    <>
      <KeyFigures current={current} previous={previous} />
      <MissingAmounts figures={current.total} />
      <Charts current={current} previous={previous} />
      <Section title={m.byPlatformTitle}>
        <PlatformTable year={current} />
      </Section>
      {params.giteId ? null : (
        <Section title={m.byGiteTitle}>
          <GiteTable current={current} previous={previous} giteName={giteName} />
        </Section>
      )}
      <Section title={m.monthlyTitle}>
        <MonthlyTable
          rows={rows}
          params={params}
          giteIds={current.byGite.map((g) => g.giteId)}
          starts={starts}
          giteName={giteName}
        />
      </Section>
    </>
  );
}

/** /statistiques: a year's figures beside the previous year's; the year and gîte in the URL. */
export function StatisticsPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const today = todayIso();
  const requested = parseStatisticsParams(searchParams, today);
  const gites = useOwnerGites();
  const known = gites.data ?? [];
  const unknownGite =
    requested.giteId !== null && gites.isSuccess && !known.some((g) => g.id === requested.giteId);
  // A gîte that is not the owner's (deleted, or a stale link): every gîte instead.
  const params = unknownGite ? { ...requested, giteId: null } : requested;
  const statistics = useStayStatistics(params.year, params.giteId);
  const starts = useServiceStarts();

  let content: ReactNode;
  const pending = gites.isPending || statistics.isPending || starts.isPending;
  const paused =
    gites.fetchStatus === 'paused' ||
    statistics.fetchStatus === 'paused' ||
    starts.fetchStatus === 'paused';
  if (pending && paused) {
    content = <p className="page-state">{m.offline}</p>;
  } else if (pending) {
    content = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (gites.isError || statistics.isError || starts.isError) {
    const failed = gites.isError ? gites : statistics.isError ? statistics : starts;
    content = (
      <LoadError message={m.loadError} error={failed.error} onRetry={() => failed.refetch()} />
    );
  } else if (known.length === 0 && statistics.data.length === 0) {
    content = (
      <div className="card empty-state">
        <p>{m.noGite}</p>
        <p>
          <Link to="/gites" className="button button-primary">
            {m.addFirstGite}
          </Link>
        </p>
      </div>
    );
  } else {
    content = (
      <Statistics rows={statistics.data} params={params} gites={known} starts={starts.data} />
    );
  }

  const go = (next: Partial<StatisticsParams>) =>
    navigate({ search: statisticsSearch({ ...params, page: 1, ...next }) });

  return (
    <div className="page stats-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <p className="stats-intro">{m.intro}</p>
      <div className="stats-toolbar">
        <SelectField
          label={m.yearLabel}
          value={String(params.year)}
          onChange={(event) => go({ year: Number(event.target.value) })}
          options={yearChoices(today).map((year) => ({ value: String(year), label: String(year) }))}
        />
        <SelectField
          label={m.giteLabel}
          value={params.giteId ?? ''}
          disabled={known.length === 0}
          onChange={(event) => go({ giteId: event.target.value || null })}
          options={[
            { value: '', label: m.allGites },
            ...known.map((gite) => ({ value: gite.id, label: gite.nom })),
          ]}
        />
      </div>
      {unknownGite ? <FormAlert>{m.unknownGite}</FormAlert> : null}
      {content}
    </div>
  );
}
