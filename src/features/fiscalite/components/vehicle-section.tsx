import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import type { TripTotals } from '@/features/fiscalite/api/get-trip-totals';
import type { VehicleRecord } from '@/features/fiscalite/api/get-vehicle';
import { useDeleteVehicle, useSaveVehicle } from '@/features/fiscalite/api/save-vehicle';
import { FiscalForm } from '@/features/fiscalite/components/fiscal-form';
import { centsToInput, vehicleSchema } from '@/features/fiscalite/fiscal-forms';
import { fiscaliteMessages, fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { formatCents, formatRate } from '@/features/fiscalite/money';
import { vehicleKmProblem } from '@/features/fiscalite/simulation-input';
import type { VehicleDeduction } from '@/features/fiscalite/vehicle';
import { useWriteAccess } from '@/lib/pwa/write-access';

const COST_FIELDS = [
  ['frais_carburant_centimes', 'carburant'],
  ['frais_assurance_centimes', 'assurance'],
  ['frais_entretien_reparations_centimes', 'entretien_reparations'],
  ['frais_pneumatiques_centimes', 'pneumatiques'],
  ['frais_location_credit_bail_centimes', 'location_credit_bail'],
  ['frais_interets_emprunt_centimes', 'interets_emprunt'],
  ['frais_autres_centimes', 'autres'],
] as const;

type CostField = (typeof COST_FIELDS)[number][0];
type Draft = { libelle: string; km_total: string } & Record<CostField, string>;

const km = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function toDraft(vehicle: VehicleRecord | null): Draft {
  const draft: Draft = {
    libelle: vehicle?.libelle ?? '',
    km_total: vehicle ? String(vehicle.km_total).replace('.', ',') : '',
    frais_carburant_centimes: '',
    frais_assurance_centimes: '',
    frais_entretien_reparations_centimes: '',
    frais_pneumatiques_centimes: '',
    frais_location_credit_bail_centimes: '',
    frais_interets_emprunt_centimes: '',
    frais_autres_centimes: '',
  };
  for (const [field] of COST_FIELDS) {
    const cents = vehicle?.[field] ?? 0;
    draft[field] = cents > 0 ? centsToInput(cents) : '';
  }
  return draft;
}

function VehicleForm({ year, vehicle }: { year: number; vehicle: VehicleRecord | null }) {
  const save = useSaveVehicle(year);
  const initial = toDraft(vehicle);
  const form = useValidatedForm(vehicleSchema, initial, async (values) => {
    await save.mutateAsync({ id: vehicle?.id ?? null, values });
  });
  return (
    <FiscalForm form={form} label={m.vehicleTitle} submitLabel={m.saveVehicle}>
      <div className="form-grid">
        <TextField
          label={m.vehicleName}
          name="libelle"
          value={form.draft.libelle}
          error={form.errors.libelle}
          onChange={(e) => form.setField('libelle', e.target.value)}
        />
        <TextField
          label={m.totalKm}
          name="km_total"
          inputMode="decimal"
          value={form.draft.km_total}
          error={form.errors.km_total}
          onChange={(e) => form.setField('km_total', e.target.value)}
        />
      </div>
      <fieldset className="fiscal-fieldset">
        <legend>{m.vehicleCosts}</legend>
        <div className="form-grid">
          {COST_FIELDS.map(([field, kind]) => (
            <TextField
              key={field}
              label={`${fiscaliteMessages.vehicleCostKinds[kind]} (€)`}
              name={field}
              inputMode="decimal"
              value={form.draft[field]}
              error={form.errors[field]}
              onChange={(e) => form.setField(field, e.target.value)}
            />
          ))}
        </div>
      </fieldset>
    </FiscalForm>
  );
}

/** The year's vehicle: its form, and the business share computed by the engine. */
export function VehicleSection({
  year,
  vehicle,
  totals,
  deduction,
}: {
  year: number;
  vehicle: VehicleRecord | null;
  totals: TripTotals;
  deduction: VehicleDeduction | null;
}) {
  const remove = useDeleteVehicle(year);
  const write = useWriteAccess();
  const problem = vehicleKmProblem(vehicle, totals.businessKm);
  return (
    <section className="card fiscal-section" aria-labelledby="fiscal-vehicle-title">
      <h2 id="fiscal-vehicle-title">{m.vehicleTitle}</h2>
      <p className="field-hint">{m.vehicleHint}</p>
      {vehicle === null ? <p className="fiscal-empty">{m.noVehicle}</p> : null}
      {problem && vehicle ? (
        <FormAlert>{m.kmProblem(km(totals.businessKm), km(vehicle.km_total))}</FormAlert>
      ) : null}
      {deduction ? (
        <p className="fiscal-share" role="status">
          {m.businessShare(
            km(deduction.businessKm),
            km(deduction.totalKm),
            formatRate(deduction.businessShare),
            formatCents(deduction.deductible),
          )}
        </p>
      ) : null}
      {/* Remount with the saved values when they change (after a save or another year). */}
      <VehicleForm
        key={`${year}-${vehicle?.id ?? 'new'}-${vehicle ? JSON.stringify(vehicle) : ''}`}
        year={year}
        vehicle={vehicle}
      />
      {vehicle ? (
        <p>
          <button
            type="button"
            className="button button-danger-quiet"
            disabled={write.blocked || remove.isPending}
            {...write.reasonProps}
            onClick={() => remove.mutate()}
          >
            {m.deleteVehicle}
          </button>
        </p>
      ) : null}
    </section>
  );
}
