import type { IsoDate } from '@/lib/iso-date';

/** Items grouped by day, days in order, each day's items in the order given. */
export function groupByDate<T extends { date: IsoDate }>(
  items: readonly T[],
): Array<{ date: IsoDate; items: T[] }> {
  const groups = new Map<IsoDate, T[]>();
  for (const item of items) {
    const group = groups.get(item.date);
    if (group) group.push(item);
    else groups.set(item.date, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, grouped]) => ({ date, items: grouped }));
}
