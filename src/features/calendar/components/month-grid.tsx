import type { CalendarGite, CalendarStay } from '@/features/calendar/api/get-calendar-month';
import {
  assignLanes,
  intersectIntervals,
  monthGrid,
  monthInterval,
  monthLabel,
  placeStay,
  weekdayNames,
  type YearMonth,
} from '@/features/calendar/calendar-dates';
import { StayBar } from '@/features/calendar/components/stay-bar';
import { calendarMessages as m } from '@/features/calendar/messages';
import { addDays, daysBetween, formatIsoDate, type IsoDate, isWeekend } from '@/lib/iso-date';

interface MonthGridProps {
  month: YearMonth;
  gite: CalendarGite;
  today: IsoDate;
  onOpenStay: (stay: CalendarStay, giteNom: string, trigger: HTMLButtonElement) => void;
}

const longNames = weekdayNames('long');
const shortNames = weekdayNames('short');

/** The grid row of lane 0: row 1 holds the day numbers. */
const FIRST_LANE_ROW = 2;

/**
 * One gîte's month as a classic calendar: weeks from Monday to Sunday, stays drawn
 * across the days of each week they cover (cut at the week's and the month's edges).
 */
export function MonthGrid({ month, gite, today, onOpenStay }: MonthGridProps) {
  const visibleMonth = monthInterval(month);
  const weeks = monthGrid(month);
  return (
    <section className="month-grid" aria-label={m.monthGridLabel(gite.nom, monthLabel(month))}>
      <div className="month-weekdays" aria-hidden="true">
        {shortNames.map((name, index) => (
          <abbr key={name} title={longNames[index]}>
            {name}
          </abbr>
        ))}
      </div>
      {weeks.map((week) => {
        const weekStart = week[0] ?? visibleMonth.from;
        const visible = intersectIntervals(
          { from: weekStart, to: addDays(weekStart, 7) },
          visibleMonth,
        );
        const offset = visible ? 2 * daysBetween(weekStart, visible.from) : 0;
        const placed = visible
          ? gite.reservations.flatMap((stay) => {
              const placement = placeStay(stay, visible);
              return placement ? [{ stay, placement }] : [];
            })
          : [];
        const { lanes, laneCount } = assignLanes(placed.map((item) => item.placement));
        return (
          <div
            key={weekStart}
            className="month-week"
            style={{
              gridTemplateRows: `var(--month-daynum-height) repeat(${laneCount}, var(--month-lane-height)) 1fr`,
            }}
          >
            {week.map((day, index) => {
              const inMonth = day >= visibleMonth.from && day < visibleMonth.to;
              return (
                <span
                  key={day}
                  className="month-day"
                  data-outside={!inMonth || undefined}
                  data-weekend={isWeekend(day) || undefined}
                  data-today={day === today || undefined}
                  style={{ gridColumn: `${1 + 2 * index} / span 2`, gridRow: '1 / -1' }}
                  aria-hidden="true"
                >
                  <span className="month-daynum" title={formatIsoDate(day, { dateStyle: 'full' })}>
                    {Number(day.slice(8))}
                  </span>
                </span>
              );
            })}
            {placed.map(({ stay, placement }, index) => (
              <StayBar
                key={stay.id}
                stay={stay}
                placement={placement}
                firstColumn={1 + offset}
                row={(lanes[index] ?? 0) + FIRST_LANE_ROW}
                onOpen={(item, trigger) => onOpenStay(item, gite.nom, trigger)}
              />
            ))}
          </div>
        );
      })}
      {gite.reservations.length === 0 ? <p className="month-empty">{m.noStayThisMonth}</p> : null}
    </section>
  );
}
