import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import {
  POLICE_FORMS_PAGE_SIZE,
  usePoliceFormsPage,
} from '@/features/police-forms/api/get-police-forms';
import { policeFormsMessages as m } from '@/features/police-forms/messages';
import { countryName, frenchDay, fullName } from '@/features/police-forms/police-form-format';
import { formatDateTime } from '@/lib/i18n';
import { clampPage, pageCount } from '@/lib/pagination';
import '@/features/police-forms/police-forms.css';

/** « Fiches de police »: every form the owner's guests sent, the newest first, 25 a page. */
export function PoliceFormsPage() {
  const [params] = useSearchParams();
  const requested = Number(params.get('page') ?? '1');
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const list = usePoliceFormsPage(page);

  let content: ReactNode;
  if (list.isPending && list.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (list.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (list.isError) {
    content = (
      <LoadError message={m.loadError} error={list.error} onRetry={() => void list.refetch()} />
    );
  } else if (list.data.total === 0) {
    content = <p className="page-state">{m.empty}</p>;
  } else {
    const { rows, total } = list.data;
    const pages = pageCount(total, POLICE_FORMS_PAGE_SIZE);
    content = (
      <>
        <p className="police-count">{m.total(total)}</p>
        <table className="police-table" aria-busy={list.isPlaceholderData || undefined}>
          <caption className="visually-hidden">{m.pageTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{m.colGuest}</th>
              <th scope="col">{m.colNationality}</th>
              <th scope="col">{m.colStay}</th>
              <th scope="col">{m.colReceived}</th>
              <th scope="col">
                <span className="visually-hidden">{m.openStay}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const name = fullName(row);
              return (
                <tr key={row.id}>
                  <td data-label={m.colGuest}>{name}</td>
                  <td data-label={m.colNationality}>{countryName(row.nationalite)}</td>
                  <td data-label={m.colStay}>
                    {frenchDay(row.date_arrivee)} → {frenchDay(row.date_depart)}
                    <span className="police-sub">
                      {row.reservation_id ? row.gite_nom : `${row.gite_nom} · ${m.deletedStay}`}
                    </span>
                  </td>
                  <td data-label={m.colReceived}>{formatDateTime(row.created_at)}</td>
                  <td>
                    {row.reservation_id ? (
                      <Link
                        className="button button-quiet"
                        to={`/fiches-de-police/sejour/${row.reservation_id}`}
                        aria-label={m.openStayLabel(name)}
                      >
                        {m.openStay}
                      </Link>
                    ) : (
                      <Link
                        className="button button-quiet"
                        to={`/fiches-de-police/fiche/${row.id}`}
                        aria-label={m.openFormLabel(name)}
                      >
                        {m.openForm}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Pager
          label={m.pagerLabel}
          page={clampPage(page, total, POLICE_FORMS_PAGE_SIZE)}
          pageCount={pages}
          hrefFor={(target) => (target > 1 ? `?page=${target}` : '?')}
        />
      </>
    );
  }

  return (
    <div className="page police-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <p className="police-intro">{m.intro}</p>
      {content}
    </div>
  );
}
