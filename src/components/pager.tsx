import { Link } from 'react-router';
import { pagerItems } from '@/lib/pagination';
import '@/components/pager.css';

const m = {
  firstPage: 'Première page',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  lastPage: 'Dernière page',
  goToPage: (n: number) => `Page ${n}`,
} as const;

interface PagerProps {
  /** What the pages are of, for screen readers: « Pages de réservations ». */
  label: string;
  page: number;
  pageCount: number;
  /** The URL (search part) of a page, with the current filters and sort. */
  hrefFor: (page: number) => string;
  /** Warms the cache of a page before it is clicked (nothing to warm: leave it out). */
  onIntent?: (page: number) => void;
}

function PagerLink({
  page,
  label,
  children,
  hrefFor,
  onIntent,
  disabled,
}: {
  page: number;
  label: string;
  children: string;
  hrefFor: (page: number) => string;
  onIntent?: (page: number) => void;
  disabled: boolean;
}) {
  if (disabled) {
    return (
      <span className="pager-link" aria-disabled="true">
        <span aria-hidden="true">{children}</span>
        <span className="visually-hidden">{label}</span>
      </span>
    );
  }
  return (
    <Link
      className="pager-link"
      to={hrefFor(page)}
      aria-label={label}
      onMouseEnter={() => onIntent?.(page)}
      onFocus={() => onIntent?.(page)}
    >
      <span aria-hidden="true">{children}</span>
    </Link>
  );
}

/**
 * Page links of a paginated list: real links (the page is in the URL), so back/forward and
 * reload work. Nothing when everything fits on one page.
 */
export function Pager({ label, page, pageCount, hrefFor, onIntent }: PagerProps) {
  if (pageCount <= 1) return null;
  const first = page <= 1;
  const last = page >= pageCount;
  return (
    <nav className="pager" aria-label={label}>
      <ul>
        <li>
          <PagerLink
            page={1}
            label={m.firstPage}
            hrefFor={hrefFor}
            onIntent={onIntent}
            disabled={first}
          >
            «
          </PagerLink>
        </li>
        <li>
          <PagerLink
            page={page - 1}
            label={m.previousPage}
            hrefFor={hrefFor}
            onIntent={onIntent}
            disabled={first}
          >
            ‹
          </PagerLink>
        </li>
        {pagerItems(page, pageCount).map((item, index) =>
          item === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity but its place
            <li key={`gap-${index}`} className="pager-gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={item}>
              {item === page ? (
                <span className="pager-link pager-current" aria-current="page">
                  <span className="visually-hidden">{m.goToPage(item)}</span>
                  <span aria-hidden="true">{item}</span>
                </span>
              ) : (
                <Link
                  className="pager-link"
                  to={hrefFor(item)}
                  aria-label={m.goToPage(item)}
                  onMouseEnter={() => onIntent?.(item)}
                  onFocus={() => onIntent?.(item)}
                >
                  {item}
                </Link>
              )}
            </li>
          ),
        )}
        <li>
          <PagerLink
            page={page + 1}
            label={m.nextPage}
            hrefFor={hrefFor}
            onIntent={onIntent}
            disabled={last}
          >
            ›
          </PagerLink>
        </li>
        <li>
          <PagerLink
            page={pageCount}
            label={m.lastPage}
            hrefFor={hrefFor}
            onIntent={onIntent}
            disabled={last}
          >
            »
          </PagerLink>
        </li>
      </ul>
    </nav>
  );
}
