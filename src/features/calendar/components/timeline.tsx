import { type CSSProperties, useLayoutEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { CalendarGite, CalendarStay } from '@/features/calendar/api/get-calendar-month';
import {
  assignLanes,
  daysOf,
  monthInterval,
  monthLabel,
  placeStay,
  type YearMonth,
} from '@/features/calendar/calendar-dates';
import { calendarSearch } from '@/features/calendar/calendar-params';
import { StayBar } from '@/features/calendar/components/stay-bar';
import { calendarMessages as m } from '@/features/calendar/messages';
import { formatIsoDate, type IsoDate, isWeekend } from '@/lib/iso-date';

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

interface TimelineProps {
  month: YearMonth;
  gites: CalendarGite[];
  today: IsoDate;
  onOpenStay: (stay: CalendarStay, giteNom: string, trigger: HTMLButtonElement) => void;
}

/** The grid columns of every row: the gîte names, then two half-days per day. */
function columns(dayCount: number): CSSProperties {
  return {
    gridTemplateColumns: `var(--timeline-name-width) repeat(${2 * dayCount}, minmax(var(--timeline-half-width), 1fr))`,
  };
}

function DayCells({ days, today }: { days: IsoDate[]; today: IsoDate }) {
  return days.map((day, index) => (
    <span
      key={day}
      className="timeline-day"
      data-weekend={isWeekend(day) || undefined}
      data-today={day === today || undefined}
      style={{ gridColumn: `${2 + 2 * index} / span 2`, gridRow: '1 / -1' }}
      aria-hidden="true"
    />
  ));
}

/**
 * Every gîte on one month: a row per gîte, a column per day (today highlighted,
 * weekends shaded), stays as bars from the arrival afternoon to the departure morning.
 * On a phone it scrolls sideways under the gîte names, which stay in place.
 */
export function Timeline({ month, gites, today, onOpenStay }: TimelineProps) {
  const interval = monthInterval(month);
  const days = daysOf(interval);
  const scrollRef = useRef<HTMLDivElement>(null);
  const todayIndex = days.indexOf(today);

  // Bring today into view when the month is scrolled sideways (phones).
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || todayIndex < 0) return;
    const cell = scroller.querySelector<HTMLElement>('.timeline-head [data-today]');
    const name = scroller.querySelector<HTMLElement>('.timeline-head .timeline-corner');
    if (!cell || !name) return;
    const target = cell.offsetLeft - name.offsetWidth - 2 * cell.offsetWidth;
    scroller.scrollLeft = Math.max(0, target);
  }, [todayIndex]);

  return (
    <section className="timeline" aria-label={m.timelineLabel(monthLabel(month))}>
      <div className="timeline-scroll" ref={scrollRef}>
        <div className="timeline-inner" style={{ '--timeline-days': days.length } as CSSProperties}>
          <div
            className="timeline-row timeline-head"
            style={columns(days.length)}
            aria-hidden="true"
          >
            <span className="timeline-corner" />
            {days.map((day, index) => (
              <span
                key={day}
                className="timeline-day-label"
                data-weekend={isWeekend(day) || undefined}
                data-today={day === today || undefined}
                style={{ gridColumn: `${2 + 2 * index} / span 2` }}
              >
                <span className="timeline-weekday">
                  {formatIsoDate(day, { weekday: 'narrow' })}
                </span>
                <span className="timeline-daynum">{Number(day.slice(8))}</span>
              </span>
            ))}
          </div>
          {gites.map((gite) => {
            const placed = gite.reservations.flatMap((stay) => {
              const placement = placeStay(stay, interval);
              return placement ? [{ stay, placement }] : [];
            });
            const { lanes, laneCount } = assignLanes(placed.map((item) => item.placement));
            const nameId = `timeline-gite-${gite.id}`;
            const colour = gite.couleur && HEX_COLOUR.test(gite.couleur) ? gite.couleur : undefined;
            return (
              // A row groups one gîte's stays under its name; a fieldset would be for form fields.
              // biome-ignore lint/a11y/useSemanticElements: a group of stays, not a form
              <div
                key={gite.id}
                className="timeline-row"
                role="group"
                aria-labelledby={nameId}
                style={{
                  ...columns(days.length),
                  gridTemplateRows: `repeat(${laneCount}, var(--timeline-lane-height))`,
                  ...(colour ? { '--gite-colour': colour } : {}),
                }}
              >
                <div className="timeline-name" style={{ gridRow: '1 / -1' }}>
                  <span className="timeline-swatch" aria-hidden="true" />
                  <Link
                    id={nameId}
                    to={calendarSearch({ month, giteId: gite.id })}
                    title={m.giteMonthLink(gite.nom)}
                  >
                    {gite.nom}
                  </Link>
                </div>
                <DayCells days={days} today={today} />
                {placed.map(({ stay, placement }, index) => (
                  <StayBar
                    key={stay.id}
                    stay={stay}
                    placement={placement}
                    firstColumn={2}
                    row={(lanes[index] ?? 0) + 1}
                    onOpen={(item, trigger) => onOpenStay(item, gite.nom, trigger)}
                  />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
