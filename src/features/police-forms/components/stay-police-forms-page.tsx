import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { useDeletePoliceForm } from '@/features/police-forms/api/delete-police-form';
import {
  type PoliceForm,
  type PoliceFormStay,
  useStayPoliceForms,
} from '@/features/police-forms/api/get-stay-police-forms';
import { PoliceFormSheet } from '@/features/police-forms/components/police-form-sheet';
import { policeFormsMessages as m } from '@/features/police-forms/messages';
import {
  frenchDay,
  fullName,
  policeCsvFileName,
  policeFormsCsv,
} from '@/features/police-forms/police-form-format';
import { describeError } from '@/lib/i18n';
import '@/features/police-forms/police-forms.css';

/** /fiches-de-police/sejour/:id — a stay's police forms: read, print, export, delete. */
export function StayPoliceFormsPage({ reservationId }: { reservationId: string }) {
  const query = useStayPoliceForms(reservationId);

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
  } else if (!query.data.stay) {
    content = <p className="page-state">{m.stayNotFound}</p>;
  } else {
    return <StayForms stay={query.data.stay} forms={query.data.forms} />;
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

function downloadCsv(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

function StayForms({ stay, forms }: { stay: PoliceFormStay; forms: PoliceForm[] }) {
  const guest = stay.client_nom?.trim() || m.unnamedGuest;
  const [removing, setRemoving] = useState<PoliceForm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const remove = useDeletePoliceForm();

  function exportCsv() {
    setExportError(null);
    try {
      downloadCsv(policeCsvFileName(stay.gite.nom, stay.date_debut), policeFormsCsv(forms));
    } catch (error) {
      setExportError(`${m.exportError} ${describeError(error)}`);
    }
  }

  return (
    <div className="page police-page police-print">
      <div className="page-header">
        <h1>{m.stayTitle(guest)}</h1>
      </div>
      <p className="police-stay police-no-print">
        <strong>{stay.gite.nom}</strong> · {frenchDay(stay.date_debut)} → {frenchDay(stay.date_fin)}
      </p>
      <nav className="police-links police-no-print">
        <Link to="/fiches-de-police">{m.backToList}</Link>
        <Link to={`/fiches-clients/sejour/${stay.id}`}>{m.guestSheet}</Link>
        <Link to="/reservations">{m.backToReservations}</Link>
      </nav>
      <p className="police-intro police-no-print">{m.intro}</p>
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {exportError ? <FormAlert>{exportError}</FormAlert> : null}
      {forms.length === 0 ? (
        <p className="page-state">{m.stayEmpty}</p>
      ) : (
        <>
          <div className="police-actions police-no-print">
            <p>{m.total(forms.length)}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => window.print()}
            >
              {m.print}
            </button>
            <button type="button" className="button button-secondary" onClick={exportCsv}>
              {m.exportCsv}
            </button>
          </div>
          {forms.map((form) => (
            <PoliceFormSheet
              key={form.id}
              form={form}
              gite={stay.gite.nom}
              onRemove={() => setRemoving(form)}
            />
          ))}
        </>
      )}
      {removing ? (
        <ConfirmDialog
          title={m.removeTitle}
          description={m.removeText(fullName(removing))}
          keepLabel={m.keep}
          confirmLabel={m.remove}
          pendingLabel={m.removing}
          isPending={remove.isPending}
          onConfirm={async () => {
            await remove.mutateAsync(removing.id);
            setRemoving(null);
            setNotice(m.removed);
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
