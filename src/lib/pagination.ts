/**
 * Page maths of the paginated lists (1-based pages, server-side ranges read with supabase-js
 * `range()`): the Réservations list, the sync history… Pure.
 */

/** Inclusive row range of a page, as supabase-js `range(from, to)` takes it. */
export function pageRange(page: number, pageSize: number): { from: number; to: number } {
  const from = (Math.max(1, Math.floor(page)) - 1) * pageSize;
  return { from, to: from + pageSize - 1 };
}

/** How many pages `total` rows fill; an empty list still has one (empty) page. */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, total) / pageSize));
}

/** The page to show for a requested one: past the end means the last page, not an error. */
export function clampPage(page: number, total: number, pageSize: number): number {
  return Math.min(Math.max(1, Math.floor(page)), pageCount(total, pageSize));
}

/** "51–100" for page 2 of 50s, "" when the list is empty. */
export function pageRowSpan(
  page: number,
  total: number,
  pageSize: number,
): { first: number; last: number } | null {
  if (total <= 0) return null;
  const shown = clampPage(page, total, pageSize);
  const first = (shown - 1) * pageSize + 1;
  return { first, last: Math.min(total, shown * pageSize) };
}

/**
 * The page numbers a pager offers around the current one: always the first and the last,
 * the current one and `radius` on each side; `null` marks a gap ("…").
 */
export function pagerItems(current: number, count: number, radius = 1): Array<number | null> {
  const pages = new Set<number>([1, count]);
  for (let p = current - radius; p <= current + radius; p += 1) {
    if (p >= 1 && p <= count) pages.add(p);
  }
  const sorted = [...pages].sort((a, b) => a - b);
  const items: Array<number | null> = [];
  let previous = 0;
  for (const page of sorted) {
    if (page - previous === 2) items.push(previous + 1);
    else if (page - previous > 2) items.push(null);
    items.push(page);
    previous = page;
  }
  return items;
}
