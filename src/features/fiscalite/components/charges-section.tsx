import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import type { ChargeRecord } from '@/features/fiscalite/api/get-charges';
import { useDeleteCharge, useSaveCharge } from '@/features/fiscalite/api/save-charge';
import { FiscalForm } from '@/features/fiscalite/components/fiscal-form';
import { RowActions } from '@/features/fiscalite/components/row-actions';
import { CHARGE_KINDS, centsToInput, chargeSchema } from '@/features/fiscalite/fiscal-forms';
import { fiscaliteMessages, fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { formatCents } from '@/features/fiscalite/money';
import type { ChargeKind } from '@/features/fiscalite/regime-reel';

const KIND_OPTIONS = CHARGE_KINDS.map((value) => ({
  value,
  label: fiscaliteMessages.chargeKinds[value],
}));

const kindLabel = (nature: string) =>
  (fiscaliteMessages.chargeKinds as Record<string, string>)[nature] ?? nature;

function ChargeForm({
  title,
  initial,
  onSave,
  onCancel,
}: {
  title: string;
  initial: { nature: string; libelle: string; montant_centimes: string };
  onSave: (values: ReturnType<typeof chargeSchema.parse>) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useValidatedForm(chargeSchema, initial, async (values) => {
    await onSave(values);
    form.reset(initial);
  });
  return (
    <FiscalForm
      form={form}
      label={title}
      submitLabel={onCancel ? m.save : m.add}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <SelectField
          label={m.chargeKind}
          name="nature"
          value={form.draft.nature}
          options={KIND_OPTIONS}
          error={form.errors.nature}
          onChange={(e) => form.setField('nature', e.target.value)}
        />
        <TextField
          label={m.chargeLabel}
          name="libelle"
          value={form.draft.libelle}
          error={form.errors.libelle}
          onChange={(e) => form.setField('libelle', e.target.value)}
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

/** The year's charges: list, add, change, delete. */
export function ChargesSection({ year, charges }: { year: number; charges: ChargeRecord[] }) {
  const save = useSaveCharge(year);
  const remove = useDeleteCharge(year);
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ChargeRecord | null>(null);
  const total = charges.reduce((sum, c) => sum + c.montant_centimes, 0);
  const describe = (c: ChargeRecord) => c.libelle ?? kindLabel(c.nature);
  return (
    <section className="card fiscal-section" aria-labelledby="fiscal-charges-title">
      <h2 id="fiscal-charges-title">{m.chargesTitle(year)}</h2>
      <p className="field-hint">{m.chargesHint}</p>
      {charges.length === 0 ? (
        <p className="fiscal-empty">{m.noCharges}</p>
      ) : (
        <ul className="fiscal-list" aria-label={m.chargesTitle(year)}>
          {charges.map((charge) =>
            editing === charge.id ? (
              <li key={charge.id}>
                <ChargeForm
                  title={m.editCharge}
                  initial={{
                    nature: charge.nature,
                    libelle: charge.libelle ?? '',
                    montant_centimes: centsToInput(charge.montant_centimes),
                  }}
                  onSave={async (values) => {
                    await save.mutateAsync({ id: charge.id, values });
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={charge.id} className="fiscal-row">
                <span className="fiscal-row-label">
                  {kindLabel(charge.nature as ChargeKind)}
                  {charge.libelle ? (
                    <span className="fiscal-row-detail"> — {charge.libelle}</span>
                  ) : null}
                </span>
                <span className="fiscal-row-amount">{formatCents(charge.montant_centimes)}</span>
                <span className="fiscal-row-actions">
                  <RowActions
                    label={describe(charge)}
                    onEdit={() => setEditing(charge.id)}
                    onDelete={() => setDeleting(charge)}
                  />
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      {charges.length > 0 ? (
        <p className="fiscal-total">{m.chargesTotal(formatCents(total))}</p>
      ) : null}
      <h3>{m.newCharge}</h3>
      <ChargeForm
        title={m.newCharge}
        initial={{ nature: 'taxe_fonciere', libelle: '', montant_centimes: '' }}
        onSave={(values) => save.mutateAsync({ values })}
      />
      {deleting ? (
        <ConfirmDialog
          title={m.deleteChargeTitle}
          description={m.deleteChargeText(describe(deleting))}
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
