import { Link } from 'react-router';
import { usePoliceForm } from '@/features/police-forms/api/get-police-form';
import { PoliceFormsLoadState } from '@/features/police-forms/components/police-forms-load-state';
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
  if (!query.isSuccess || !query.data) {
    return <PoliceFormsLoadState query={query} notFound={m.formNotFound} />;
  }
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
