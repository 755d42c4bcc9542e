import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LoadError } from '@/components/load-error';
import { usePoliceForm } from '@/features/police-forms/api/get-police-form';
import { PrintablePoliceForms } from '@/features/police-forms/components/printable-police-forms';
import { policeFormsMessages as m } from '@/features/police-forms/messages';
import {
  frenchDay,
  fullName,
  keptUntil,
  policeCsvFileName,
} from '@/features/police-forms/police-form-format';
import '@/features/police-forms/police-forms.css';

/**
 * /fiches-de-police/fiche/:id — one form, for a form whose stay was deleted with its gîte: the
 * law still has the owner keep it until 6 months after the departure.
 */
export function PoliceFormPage({ formId }: { formId: string }) {
  const query = usePoliceForm(formId);

  let content: ReactNode;
  if (query.isPending && query.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (query.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (query.isError) {
    content = (
      <LoadError message={m.loadError} error={query.error} onRetry={() => void query.refetch()} />
    );
  } else if (!query.data) {
    content = <p className="page-state">{m.formNotFound}</p>;
  } else {
    const form = query.data;
    return (
      <PrintablePoliceForms
        title={m.formPageTitle(fullName(form))}
        summary={
          <>
            <strong>{form.gite_nom}</strong> · {frenchDay(form.date_arrivee)} →{' '}
            {frenchDay(form.date_depart)}
            {form.reservation_id
              ? null
              : ` · ${m.stayDeleted(frenchDay(keptUntil(form.date_depart)))}`}
          </>
        }
        links={
          <>
            <Link to="/fiches-de-police">{m.backToList}</Link>
            {form.reservation_id ? (
              <Link to={`/fiches-de-police/sejour/${form.reservation_id}`}>{m.openStay}</Link>
            ) : null}
          </>
        }
        csvFileName={policeCsvFileName(form.gite_nom, form.date_arrivee)}
        forms={[form]}
        emptyText={m.formNotFound}
      />
    );
  }
  return (
    <div className="page police-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      {content}
      <p>
        <Link to="/fiches-de-police">{m.backToList}</Link>
      </p>
    </div>
  );
}
