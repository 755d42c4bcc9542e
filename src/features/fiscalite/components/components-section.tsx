import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import type { ComponentRecord } from '@/features/fiscalite/api/get-components';
import type { FiscalGite } from '@/features/fiscalite/api/get-fiscal-gites';
import {
  type ComponentValues,
  useDeleteComponent,
  useSaveComponent,
} from '@/features/fiscalite/api/save-component';
import { FiscalForm } from '@/features/fiscalite/components/fiscal-form';
import { RowActions } from '@/features/fiscalite/components/row-actions';
import type { DepreciationLine } from '@/features/fiscalite/depreciation';
import { SUGGESTED_DURATIONS } from '@/features/fiscalite/depreciation';
import {
  COMPONENT_KINDS,
  type ComponentKind,
  centsToInput,
  componentSchema,
} from '@/features/fiscalite/fiscal-forms';
import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { formatCents } from '@/features/fiscalite/money';
import { formatIsoDate } from '@/lib/iso-date';

const KIND_OPTIONS = COMPONENT_KINDS.map((value) => ({ value, label: m.componentKinds[value] }));
const kindLabel = (nature: string) =>
  (m.componentKinds as Record<string, string>)[nature] ?? nature;

type Draft = {
  gite_id: string;
  libelle: string;
  nature: string;
  cout_centimes: string;
  date_mise_en_service: string;
  duree_annees: string;
};

function ComponentForm({
  title,
  initial,
  gites,
  onSave,
  onCancel,
}: {
  title: string;
  initial: Draft;
  gites: FiscalGite[];
  onSave: (values: ComponentValues) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useValidatedForm(componentSchema, initial, async (values) => {
    await onSave(values);
    form.reset(initial);
  });
  const land = form.draft.nature === 'terrain';
  const suggested =
    form.draft.nature !== 'terrain' && form.draft.nature in SUGGESTED_DURATIONS
      ? SUGGESTED_DURATIONS[form.draft.nature as Exclude<ComponentKind, 'terrain'>]
      : null;
  return (
    <FiscalForm
      form={form}
      label={title}
      submitLabel={onCancel ? m.save : m.add}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <SelectField
          label={m.gite}
          name="gite_id"
          value={form.draft.gite_id}
          options={gites.map((g) => ({ value: g.id, label: g.nom }))}
          error={form.errors.gite_id}
          onChange={(e) => form.setField('gite_id', e.target.value)}
        />
        <SelectField
          label={m.componentKind}
          name="nature"
          value={form.draft.nature}
          options={KIND_OPTIONS}
          error={form.errors.nature}
          onChange={(e) => form.setField('nature', e.target.value)}
        />
        <TextField
          label={m.componentLabel}
          name="libelle"
          value={form.draft.libelle}
          error={form.errors.libelle}
          onChange={(e) => form.setField('libelle', e.target.value)}
        />
        <TextField
          label={m.cost}
          name="cout_centimes"
          inputMode="decimal"
          value={form.draft.cout_centimes}
          error={form.errors.cout_centimes}
          onChange={(e) => form.setField('cout_centimes', e.target.value)}
        />
        {land ? null : (
          <>
            <TextField
              label={m.inService}
              name="date_mise_en_service"
              type="date"
              value={form.draft.date_mise_en_service}
              error={form.errors.date_mise_en_service}
              onChange={(e) => form.setField('date_mise_en_service', e.target.value)}
            />
            <TextField
              label={m.duration}
              name="duree_annees"
              inputMode="numeric"
              value={form.draft.duree_annees}
              error={form.errors.duree_annees}
              hint={suggested ? m.durationHint(suggested) : undefined}
              onChange={(e) => form.setField('duree_annees', e.target.value)}
            />
          </>
        )}
      </div>
    </FiscalForm>
  );
}

function toDraft(row: ComponentRecord): Draft {
  return {
    gite_id: row.gite_id,
    libelle: row.libelle,
    nature: row.nature,
    cout_centimes: centsToInput(row.cout_centimes),
    date_mise_en_service: row.date_mise_en_service ?? '',
    duree_annees: row.duree_annees === null ? '' : String(row.duree_annees),
  };
}

/**
 * The owner's depreciable components, gîte by gîte, with the year's annuity of each (the
 * engine's depreciationForYear lines, same order as `components`).
 */
export function ComponentsSection({
  year,
  components,
  lines,
  gites,
}: {
  year: number;
  components: ComponentRecord[];
  lines: readonly DepreciationLine[] | null;
  gites: FiscalGite[];
}) {
  const save = useSaveComponent();
  const remove = useDeleteComponent();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ComponentRecord | null>(null);
  const names = new Map(gites.map((g) => [g.id, g.nom]));
  const firstGite = gites[0]?.id ?? '';
  return (
    <section className="card fiscal-section" aria-labelledby="fiscal-components-title">
      <h2 id="fiscal-components-title">{m.componentsTitle}</h2>
      <p className="field-hint">{m.componentsHint}</p>
      {components.length === 0 ? (
        <p className="fiscal-empty">{m.noComponents}</p>
      ) : (
        <ul className="fiscal-list" aria-label={m.componentsTitle}>
          {components.map((row, index) =>
            editing === row.id ? (
              <li key={row.id}>
                <ComponentForm
                  title={m.editComponent}
                  initial={toDraft(row)}
                  gites={gites}
                  onSave={async (values) => {
                    await save.mutateAsync({ id: row.id, values });
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                />
              </li>
            ) : (
              <li key={row.id} className="fiscal-row">
                <span className="fiscal-row-label">
                  {row.libelle}
                  <span className="fiscal-row-detail">
                    {' — '}
                    {names.get(row.gite_id) ?? ''} · {kindLabel(row.nature)} ·{' '}
                    {formatCents(row.cout_centimes)}
                    {row.date_mise_en_service && row.duree_annees
                      ? ` · ${formatIsoDate(row.date_mise_en_service, { dateStyle: 'short' })}, ${row.duree_annees} ans`
                      : ''}
                  </span>
                </span>
                <span className="fiscal-row-amount">
                  {row.nature === 'terrain'
                    ? m.notDepreciated
                    : `${m.annuity(year)} : ${formatCents(lines?.[index]?.annuity ?? 0)}`}
                </span>
                <span className="fiscal-row-actions">
                  <RowActions
                    label={row.libelle}
                    onEdit={() => setEditing(row.id)}
                    onDelete={() => setDeleting(row)}
                  />
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <h3>{m.newComponent}</h3>
      {gites.length === 0 ? (
        <p className="fiscal-empty">{m.noGite}</p>
      ) : (
        <ComponentForm
          title={m.newComponent}
          initial={{
            gite_id: firstGite,
            libelle: '',
            nature: 'mobilier',
            cout_centimes: '',
            date_mise_en_service: `${year}-01-01`,
            duree_annees: String(SUGGESTED_DURATIONS.mobilier),
          }}
          gites={gites}
          onSave={(values) => save.mutateAsync({ values })}
        />
      )}
      {deleting ? (
        <ConfirmDialog
          title={m.deleteComponentTitle}
          description={m.deleteComponentText(deleting.libelle)}
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
