import { useId } from 'react';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import { taxeMessages as m } from '@/features/taxe-sejour/messages';
import {
  type TaxeSettingsDraft,
  type TaxeSettingsValues,
  taxeSettingsSchema,
} from '@/features/taxe-sejour/settings-schema';
import { platformOptions } from '@/lib/platforms';

const RULE_OPTIONS = [
  { value: 'tarif_fixe', label: m.regleFixe },
  { value: 'pourcentage', label: m.reglePourcentage },
];

/**
 * A gîte's taxe de séjour settings. Nothing is sent until every field is valid; writes are
 * off offline and unsaved changes are guarded (useValidatedForm: useWriteAccess +
 * useDirtyForm).
 */
export function TaxeSettingsForm({
  title,
  initial,
  onSave,
  onCancel,
}: {
  title: string;
  initial: TaxeSettingsDraft;
  onSave: (values: TaxeSettingsValues) => Promise<void>;
  onCancel: () => void;
}) {
  const id = useId();
  const form = useValidatedForm(taxeSettingsSchema, initial, onSave);
  const { draft, errors, write } = form;
  const percentage = draft.regle === 'pourcentage';

  return (
    <form
      ref={form.formRef}
      className="card taxe-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={form.handleSubmit}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <div className="taxe-form-grid">
        <TextField
          id={`${id}-commune`}
          label={m.commune}
          value={draft.commune}
          error={errors.commune}
          autoComplete="address-level2"
          onChange={(event) => form.setField('commune', event.target.value)}
        />
        <SelectField
          id={`${id}-regle`}
          label={m.regle}
          options={RULE_OPTIONS}
          value={draft.regle}
          onChange={(event) => form.setField('regle', event.target.value)}
        />
        {percentage ? (
          <>
            <TextField
              id={`${id}-taux`}
              label={m.taux}
              hint={m.tauxHint}
              inputMode="decimal"
              value={draft.taux}
              error={errors.taux}
              onChange={(event) => form.setField('taux', event.target.value)}
            />
            <TextField
              id={`${id}-plafond`}
              label={m.plafond}
              hint={m.plafondHint}
              inputMode="decimal"
              value={draft.plafond}
              error={errors.plafond}
              onChange={(event) => form.setField('plafond', event.target.value)}
            />
          </>
        ) : (
          <TextField
            id={`${id}-tarif`}
            label={m.tarif}
            hint={m.tarifHint}
            inputMode="decimal"
            value={draft.tarif}
            error={errors.tarif}
            onChange={(event) => form.setField('tarif', event.target.value)}
          />
        )}
      </div>
      <label className="taxe-check">
        <input
          type="checkbox"
          checked={draft.taxe_additionnelle}
          onChange={(event) => form.setField('taxe_additionnelle', event.target.checked)}
        />{' '}
        {m.additionnelle}
      </label>
      <fieldset className="taxe-platforms">
        <legend>{m.plateformes}</legend>
        {platformOptions.map(({ value, label }) => (
          <label key={value} className="taxe-check">
            <input
              type="checkbox"
              checked={draft[value]}
              onChange={(event) => form.setField(value, event.target.checked)}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <div className="form-actions">
        <OfflineFormNote />
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {m.cancel}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={form.saving || write.blocked}
          {...write.reasonProps}
        >
          {form.saving ? m.saving : m.save}
        </button>
      </div>
    </form>
  );
}
