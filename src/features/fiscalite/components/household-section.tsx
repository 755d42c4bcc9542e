import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import type { CarryForwardRecord } from '@/features/fiscalite/api/get-carry-forwards';
import type { SettingsRecord } from '@/features/fiscalite/api/get-settings';
import {
  useAddCarryForward,
  useDeleteCarryForward,
} from '@/features/fiscalite/api/save-carry-forward';
import { useSaveSettings } from '@/features/fiscalite/api/save-settings';
import { FiscalForm } from '@/features/fiscalite/components/fiscal-form';
import { RowActions } from '@/features/fiscalite/components/row-actions';
import {
  carryForwardSchema,
  centsToInput,
  settingsSchema,
} from '@/features/fiscalite/fiscal-forms';
import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { formatCents, formatRate } from '@/features/fiscalite/money';
import { MARGINAL_RATES } from '@/features/fiscalite/social';

const RATE_OPTIONS = [
  { value: '', label: m.marginalRateUnknown },
  ...MARGINAL_RATES.map((rate) => ({ value: String(rate), label: formatRate(rate) })),
];
const CARRY_OPTIONS = (['deficit', 'amortissements_differes'] as const).map((value) => ({
  value,
  label: m.carryKinds[value],
}));
const carryLabel = (row: CarryForwardRecord) =>
  `${(m.carryKinds as Record<string, string>)[row.nature] ?? row.nature} ${row.annee_origine}`;

function SettingsForm({ year, settings }: { year: number; settings: SettingsRecord | null }) {
  const save = useSaveSettings(year);
  const initial = {
    taux_marginal_bp:
      settings?.taux_marginal_bp === null || !settings ? '' : String(settings.taux_marginal_bp),
    autres_revenus_pro_centimes: centsToInput(settings?.autres_revenus_pro_centimes),
  };
  const form = useValidatedForm(settingsSchema, initial, async (values) => {
    await save.mutateAsync({ id: settings?.id ?? null, values });
  });
  return (
    <FiscalForm form={form} label={m.householdTitle} submitLabel={m.saveSettings}>
      <div className="form-grid">
        <div>
          <SelectField
            label={m.marginalRate}
            name="taux_marginal_bp"
            value={form.draft.taux_marginal_bp}
            options={RATE_OPTIONS}
            error={form.errors.taux_marginal_bp}
            onChange={(e) => form.setField('taux_marginal_bp', e.target.value)}
          />
          <p className="field-hint">{m.marginalRateHint}</p>
        </div>
        <TextField
          label={m.otherIncome}
          name="autres_revenus_pro_centimes"
          inputMode="decimal"
          hint={m.otherIncomeHint}
          value={form.draft.autres_revenus_pro_centimes}
          error={form.errors.autres_revenus_pro_centimes}
          onChange={(e) => form.setField('autres_revenus_pro_centimes', e.target.value)}
        />
      </div>
    </FiscalForm>
  );
}

function CarryForwardForm({ year }: { year: number }) {
  const add = useAddCarryForward();
  const initial = { nature: 'deficit', annee_origine: String(year - 1), montant_centimes: '' };
  const form = useValidatedForm(carryForwardSchema, initial, async (values) => {
    await add.mutateAsync(values);
    form.reset(initial);
  });
  return (
    <FiscalForm form={form} label={m.carryTitle} submitLabel={m.addCarry}>
      <div className="form-grid">
        <SelectField
          label={m.carryKind}
          name="nature"
          value={form.draft.nature}
          options={CARRY_OPTIONS}
          error={form.errors.nature}
          onChange={(e) => form.setField('nature', e.target.value)}
        />
        <TextField
          label={m.carryYear}
          name="annee_origine"
          inputMode="numeric"
          value={form.draft.annee_origine}
          error={form.errors.annee_origine}
          onChange={(e) => form.setField('annee_origine', e.target.value)}
        />
        <TextField
          label={m.amount}
          name="montant_centimes"
          inputMode="decimal"
          value={form.draft.montant_centimes}
          error={form.errors.montant_centimes}
          onChange={(e) => form.setField('montant_centimes', e.target.value)}
        />
      </div>
    </FiscalForm>
  );
}

/** The household's settings of the year and the carry-forwards entered by hand. */
export function HouseholdSection({
  year,
  settings,
  carryForwards,
  carrySource,
}: {
  year: number;
  settings: SettingsRecord | null;
  carryForwards: CarryForwardRecord[];
  carrySource: string;
}) {
  const remove = useDeleteCarryForward();
  const [deleting, setDeleting] = useState<CarryForwardRecord | null>(null);
  return (
    <section className="card fiscal-section" aria-labelledby="fiscal-household-title">
      <h2 id="fiscal-household-title">{m.householdTitle}</h2>
      <SettingsForm key={`${year}-${JSON.stringify(settings)}`} year={year} settings={settings} />
      <h3>{m.carryTitle}</h3>
      <p className="field-hint">{m.carryHint}</p>
      <p className="fiscal-total">{carrySource}</p>
      {carryForwards.length === 0 ? (
        <p className="fiscal-empty">{m.noCarry}</p>
      ) : (
        <ul className="fiscal-list" aria-label={m.carryTitle}>
          {carryForwards.map((row) => (
            <li key={row.id} className="fiscal-row">
              <span className="fiscal-row-label">{carryLabel(row)}</span>
              <span className="fiscal-row-amount">{formatCents(row.montant_centimes)}</span>
              <span className="fiscal-row-actions">
                <RowActions label={carryLabel(row)} onDelete={() => setDeleting(row)} />
              </span>
            </li>
          ))}
        </ul>
      )}
      <CarryForwardForm year={year} />
      {deleting ? (
        <ConfirmDialog
          title={m.deleteCarryTitle}
          description={m.deleteCarryText(carryLabel(deleting))}
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
