import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import type { TripTotals } from '@/features/fiscalite/api/get-trip-totals';
import { type TripRow, tripsQueries, useTripsPage } from '@/features/fiscalite/api/get-trips';
import { type TripValues, useDeleteTrip, useSaveTrip } from '@/features/fiscalite/api/save-trip';
import { FiscalForm } from '@/features/fiscalite/components/fiscal-form';
import { RowActions } from '@/features/fiscalite/components/row-actions';
import { tripSchema } from '@/features/fiscalite/fiscal-forms';
import { type FiscalParams, fiscalSearch } from '@/features/fiscalite/fiscal-params';
import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { tripKilometres } from '@/features/fiscalite/vehicle';
import { commonMessages } from '@/lib/i18n';
import { formatIsoDate } from '@/lib/iso-date';

type Draft = {
  date: string;
  motif: string;
  distance_km: string;
  aller_retour: boolean;
  vehicule: string;
};

const km = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function TripForm({
  title,
  initial,
  onSave,
  onCancel,
}: {
  title: string;
  initial: Draft;
  onSave: (values: TripValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useValidatedForm(tripSchema, initial, async (values) => {
    await onSave(values);
    form.reset(initial);
  });
  return (
    <FiscalForm
      form={form}
      label={title}
      submitLabel={onCancel ? m.save : m.addTrip}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <TextField
          label={m.tripDate}
          name="date"
          type="date"
          value={form.draft.date}
          error={form.errors.date}
          onChange={(e) => form.setField('date', e.target.value)}
        />
        <TextField
          label={m.tripPurpose}
          name="motif"
          value={form.draft.motif}
          error={form.errors.motif}
          onChange={(e) => form.setField('motif', e.target.value)}
        />
        <TextField
          label={m.tripDistance}
          name="distance_km"
          inputMode="decimal"
          value={form.draft.distance_km}
          error={form.errors.distance_km}
          onChange={(e) => form.setField('distance_km', e.target.value)}
        />
        <TextField
          label={m.tripVehicle}
          name="vehicule"
          value={form.draft.vehicule}
          error={form.errors.vehicule}
          onChange={(e) => form.setField('vehicule', e.target.value)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            name="aller_retour"
            checked={form.draft.aller_retour}
            onChange={(e) => form.setField('aller_retour', e.target.checked)}
          />
          {m.tripRoundTrip}
        </label>
      </div>
    </FiscalForm>
  );
}

const toDraft = (row: TripRow): Draft => ({
  date: row.date,
  motif: row.motif,
  distance_km: String(row.distance_km).replace('.', ','),
  aller_retour: row.aller_retour,
  vehicule: row.vehicule ?? '',
});

/** The year's business trips: total, a 10-a-page list (range(), page in the URL), add/edit/delete. */
export function TripsSection({ params, totals }: { params: FiscalParams; totals: TripTotals }) {
  const { year } = params;
  const list = useTripsPage(year, params.tripsPage);
  const save = useSaveTrip(year);
  const remove = useDeleteTrip(year);
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TripRow | null>(null);

  let content: ReactNode;
  if (list.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  } else if (list.isError) {
    content = <LoadError message={m.loadError} error={list.error} onRetry={() => list.refetch()} />;
  } else if (list.data.total === 0) {
    content = <p className="fiscal-empty">{m.noTrips}</p>;
  } else {
    const { rows, page, pageCount } = list.data;
    content = (
      <>
        <div className="fiscal-table-wrap">
          <table className="fiscal-table fiscal-trips">
            <thead>
              <tr>
                <th scope="col">{m.tripDate}</th>
                <th scope="col">{m.tripPurpose}</th>
                <th scope="col">{m.tripDistance}</th>
                <th scope="col">{m.tripRoundTrip}</th>
                <th scope="col">{m.tripKm}</th>
                <th scope="col">{m.tripVehicle}</th>
                <th scope="col">
                  <span className="visually-hidden">{m.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) =>
                editing === row.id ? (
                  <tr key={row.id}>
                    <td colSpan={7}>
                      <TripForm
                        title={m.editTrip}
                        initial={toDraft(row)}
                        onSave={async (values) => {
                          await save.mutateAsync({ id: row.id, values });
                          setEditing(null);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={row.id}>
                    <td>{formatIsoDate(row.date, { dateStyle: 'short' })}</td>
                    <td className="fiscal-trip-purpose">{row.motif}</td>
                    <td>{km(row.distance_km)}</td>
                    <td>{row.aller_retour ? m.yes : m.no}</td>
                    <td>{km(tripKilometres(row))}</td>
                    <td>{row.vehicule ?? ''}</td>
                    <td className="fiscal-row-actions">
                      <RowActions
                        label={row.motif}
                        onEdit={() => setEditing(row.id)}
                        onDelete={() => setDeleting(row)}
                      />
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
        {pageCount > 1 ? <p className="fiscal-total">{m.tripsPage(page, pageCount)}</p> : null}
        <Pager
          label={m.tripsPager}
          page={page}
          pageCount={pageCount}
          hrefFor={(target) => fiscalSearch({ ...params, tripsPage: target })}
          onIntent={(target) => void queryClient.prefetchQuery(tripsQueries.page(year, target))}
        />
      </>
    );
  }

  return (
    <section className="card fiscal-section" aria-labelledby="fiscal-trips-title">
      <h2 id="fiscal-trips-title">{m.tripsTitle(year)}</h2>
      <p className="fiscal-total" role="status">
        {m.tripsTotal(totals.trips, km(totals.businessKm))}
      </p>
      {content}
      <h3>{m.newTrip}</h3>
      <TripForm
        title={m.newTrip}
        initial={{
          date: `${year}-01-01`,
          motif: '',
          distance_km: '',
          aller_retour: true,
          vehicule: '',
        }}
        onSave={(values) => save.mutateAsync({ values })}
      />
      {deleting ? (
        <ConfirmDialog
          title={m.deleteTripTitle}
          description={m.deleteTripText(deleting.motif)}
          keepLabel={m.keep}
          confirmLabel={m.delete}
          pendingLabel={m.deleting}
          isPending={remove.isPending}
          onConfirm={async () => {
            await remove.mutateAsync(deleting.id);
            setDeleting(null);
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
