import { Link } from 'react-router';
import {
  type PoliceForm,
  type PoliceFormStay,
  useStayPoliceForms,
} from '@/features/police-forms/api/get-stay-police-forms';
import { PoliceFormsLoadState } from '@/features/police-forms/components/police-forms-load-state';
import { PrintablePoliceForms } from '@/features/police-forms/components/printable-police-forms';
import { policeFormsMessages as m } from '@/features/police-forms/messages';
import { frenchDay, policeCsvFileName } from '@/features/police-forms/police-form-format';
import '@/features/police-forms/police-forms.css';

/** /fiches-de-police/sejour/:id — a stay's police forms: read, print, export, delete. */
export function StayPoliceFormsPage({ reservationId }: { reservationId: string }) {
  const query = useStayPoliceForms(reservationId);
  if (query.isSuccess && query.data.stay) {
    return <StayForms stay={query.data.stay} forms={query.data.forms} />;
  }
  return <PoliceFormsLoadState query={query} notFound={m.stayNotFound} />;
}

function StayForms({ stay, forms }: { stay: PoliceFormStay; forms: PoliceForm[] }) {
  const guest = stay.client_nom?.trim() || m.unnamedGuest;
  return (
    <PrintablePoliceForms
      title={m.stayTitle(guest)}
      summary={
        <>
          <strong>{stay.gite.nom}</strong> · {frenchDay(stay.date_debut)} →{' '}
          {frenchDay(stay.date_fin)}
        </>
      }
      links={
        <>
          <Link to="/fiches-de-police">{m.backToList}</Link>
          <Link to={`/fiches-clients/sejour/${stay.id}`}>{m.guestSheet}</Link>
          <Link to="/reservations">{m.backToReservations}</Link>
        </>
      }
      csvFileName={policeCsvFileName(stay.gite.nom, stay.date_debut)}
      forms={forms}
      emptyText={m.stayEmpty}
    />
  );
}
