import type { PoliceForm } from '@/features/police-forms/api/get-stay-police-forms';
import { policeFormsMessages as m } from '@/features/police-forms/messages';
import {
  countryName,
  frenchDay,
  fullName,
  homeAddress,
  keptUntil,
} from '@/features/police-forms/police-form-format';
import { formatDateTime } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';

/**
 * One guest's form as it prints: the fields of the « fiche individuelle de police » in French
 * and English, and a line for the guest's signature. One per printed page. The gîte is the one
 * the form was recorded under (`gite_nom`), still there once the stay and its gîte are deleted.
 */
export function PoliceFormSheet({
  form,
  onRemove,
}: {
  form: PoliceForm;
  onRemove: (() => void) | null;
}) {
  const name = fullName(form);
  // Offline, « Supprimer » is disabled and says why (nothing is queued).
  const write = useWriteAccess();
  const rows: Array<[string, string]> = [
    [m.fields.nom, form.nom.toLocaleUpperCase('fr-FR')],
    [m.fields.prenoms, form.prenoms],
    [m.fields.naissance, `${frenchDay(form.date_naissance)} — ${form.lieu_naissance}`],
    [m.fields.nationalite, countryName(form.nationalite)],
    [m.fields.domicile, homeAddress(form)],
    [m.fields.telephone, form.telephone],
    [m.fields.email, form.email],
    [m.fields.arrivee, frenchDay(form.date_arrivee)],
    [m.fields.depart, frenchDay(form.date_depart)],
    [m.fields.enfants, String(form.enfants_moins_15)],
  ];
  return (
    <article className="card police-sheet" aria-label={name}>
      <header className="police-sheet-header">
        <h2>
          {m.formTitle}
          <span className="police-sheet-subtitle">{m.formSubtitle}</span>
        </h2>
        <p className="police-sheet-meta">
          {m.gite} : {form.gite_nom} · {m.received(formatDateTime(form.created_at))} ·{' '}
          {m.keptUntil(frenchDay(keptUntil(form.date_depart)))}
        </p>
      </header>
      <dl className="police-sheet-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="police-sheet-signature">{m.signature}</p>
      {onRemove ? (
        <div className="police-no-print card-actions">
          <button
            type="button"
            className="button button-quiet"
            aria-label={m.removeLabel(name)}
            onClick={onRemove}
            disabled={write.blocked}
            {...write.reasonProps}
          >
            {m.remove}
          </button>
        </div>
      ) : null}
    </article>
  );
}
