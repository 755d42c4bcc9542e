import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { OfflineFormNote } from '@/components/offline-banner';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import { useCreateReservation } from '@/features/reservations/api/create-reservation';
import {
  type OverlapResult,
  overlapQueries,
} from '@/features/reservations/api/find-overlapping-stays';
import type { ReservationListRow } from '@/features/reservations/api/get-reservations';
import { useUpdateReservation } from '@/features/reservations/api/update-reservation';
import { ImportedNatureControl } from '@/features/reservations/components/imported-nature-control';
import { formatDay, formatStay, guestName } from '@/features/reservations/format';
import { reservationsMessages as m } from '@/features/reservations/messages';
import {
  CLIENT_NOM_MAX_LENGTH,
  emptyReservationDraft,
  isImportedStay,
  NOTES_MAX_LENGTH,
  type ReservationDraft,
  type ReservationField,
  type ReservationFormErrors,
  type ReservationFormResult,
  reservationToDraft,
  validateReservationForm,
} from '@/features/reservations/reservation-form-schema';
import { describeError } from '@/lib/i18n';
import type { OwnerGite } from '@/lib/owner-gites';
import { platformLabel } from '@/lib/platforms';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

/** The link to the stay's « fiche client » (its route lives in src/app/routes/fiche-client.tsx). */
const GUEST_SHEET_LINK = 'Fiche client : créer, copier ou désactiver le lien d’accueil';
const POLICE_FORMS_LINK = 'Fiches de police du séjour';

export type ReservationFormMode = { kind: 'create' } | { kind: 'edit'; row: ReservationListRow };

interface ReservationFormDialogProps {
  mode: ReservationFormMode;
  gites: readonly OwnerGite[];
  /** Preselected gîte for a new booking (the list's gîte filter, or the only gîte). */
  defaultGiteId: string | null;
  onClose: () => void;
  onSaved: (message: string) => void;
  /** Cancelling a direct booking: this dialog gives way to the confirmation. */
  onRequestCancel: (row: ReservationListRow) => void;
}

type ValidResult = Extract<ReservationFormResult, { ok: true }>;

interface OverlapWarning {
  found: OverlapResult;
  /** The values the owner asked to save, saved as they are on "Enregistrer quand même". */
  pending: ValidResult;
}

/**
 * Create or edit a reservation in a modal dialog. A direct booking has every field; an
 * imported stay shows its dates, gîte and platform read-only. Before saving dates, the
 * confirmed stays of the gîte that share a night with them are looked up: if there are
 * any, the owner sees them and confirms (overlaps are allowed, never silent).
 */
export function ReservationFormDialog({
  mode,
  gites,
  defaultGiteId,
  onClose,
  onSaved,
  onRequestCancel,
}: ReservationFormDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const warningRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const titleId = `${idPrefix}-title`;
  const queryClient = useQueryClient();
  const createReservation = useCreateReservation();
  const updateReservation = useUpdateReservation();

  const row = mode.kind === 'edit' ? mode.row : null;
  const imported = row !== null && isImportedStay(row);
  const kind = imported ? 'imported' : 'direct';
  const [initialDraft] = useState<ReservationDraft>(() =>
    row ? reservationToDraft(row) : emptyReservationDraft(defaultGiteId ?? ''),
  );
  const [draft, setDraft] = useState<ReservationDraft>(initialDraft);
  // Typed values the owner has not saved: a new version of the app waits for them.
  useDirtyForm(JSON.stringify(draft) !== JSON.stringify(initialDraft));
  const write = useWriteAccess();
  const [errors, setErrors] = useState<ReservationFormErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [warning, setWarning] = useState<OverlapWarning | null>(null);
  const saving = createReservation.isPending || updateReservation.isPending;
  const busy = saving || checking;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    if (warning) warningRef.current?.focus();
  }, [warning]);

  function setField(field: ReservationField, value: string) {
    const next = { ...draft, [field]: value };
    setDraft(next);
    // The warning was about the values as they were: any change makes it stale.
    setWarning(null);
    if (submitted) {
      const result = validateReservationForm(next, kind);
      setErrors(result.ok ? {} : result.errors);
    }
  }

  async function save(result: ValidResult) {
    setSaveError(null);
    try {
      if (result.kind === 'direct') {
        if (row)
          await updateReservation.mutateAsync({ id: row.id, kind: 'direct', values: result.value });
        else await createReservation.mutateAsync(result.value);
      } else if (row) {
        await updateReservation.mutateAsync({ id: row.id, kind: 'imported', values: result.value });
      }
      const name = guestName(result.value.client_nom ?? row?.client_nom ?? null);
      onSaved(row ? m.updated(name) : m.created(name));
    } catch (error) {
      setWarning(null);
      setSaveError(describeError(error));
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || write.blocked) return;
    setSubmitted(true);
    setSaveError(null);
    const result = validateReservationForm(draft, kind);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    // Only new dates (or another gîte) of a confirmed direct booking can create an overlap:
    // editing the guest's phone number of an already flagged stay does not ask again.
    const datesChanged =
      result.kind === 'direct' &&
      (row === null ||
        (row.status === 'confirmed' &&
          (row.gite_id !== result.value.gite_id ||
            row.date_debut !== result.value.date_debut ||
            row.date_fin !== result.value.date_fin)));
    if (result.kind === 'direct' && datesChanged) {
      let found: OverlapResult;
      setChecking(true);
      try {
        found = await queryClient.fetchQuery(
          overlapQueries.check({
            giteId: result.value.gite_id,
            debut: result.value.date_debut,
            fin: result.value.date_fin,
            excludeId: row?.id ?? null,
          }),
        );
      } catch (error) {
        setSaveError(describeError(error));
        return;
      } finally {
        setChecking(false);
      }
      if (found.total > 0) {
        setWarning({ found, pending: result });
        return;
      }
    }
    await save(result);
  }

  const fieldProps = (field: ReservationField) => ({
    id: `${idPrefix}-${field}`,
    name: field,
    value: draft[field],
    error: errors[field],
    onChange: (event: { target: { value: string } }) => setField(field, event.target.value),
  });

  const title = row ? m.editTitle(guestName(row.client_nom)) : m.newTitle;
  const giteOptions = [
    { value: '', label: m.chooseGite },
    ...gites.map((gite) => ({ value: gite.id, label: gite.nom })),
  ];
  const noGites = !imported && gites.length === 0;

  return (
    <dialog
      ref={dialogRef}
      className="dialog resa-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <form
        ref={formRef}
        className="resa-form"
        aria-labelledby={titleId}
        noValidate
        onSubmit={handleSubmit}
      >
        <h2 id={titleId}>{title}</h2>
        {row && row.status === 'confirmed' ? (
          // The stay's welcome sheet link and its guests' police forms have pages of their own
          // (src/features/guest-sheets, src/features/police-forms).
          <p className="field-hint resa-stay-links">
            <Link to={`/fiches-clients/sejour/${row.id}`}>{GUEST_SHEET_LINK}</Link>
            {' · '}
            <Link to={`/fiches-de-police/sejour/${row.id}`}>{POLICE_FORMS_LINK}</Link>
          </p>
        ) : null}
        {saveError ? <FormAlert>{saveError}</FormAlert> : null}
        {noGites ? (
          <div className="resa-no-gites">
            <p>{m.noGites}</p>
            <Link className="button button-primary" to="/gites">
              {m.goToGites}
            </Link>
          </div>
        ) : (
          <>
            {row && imported ? (
              <>
                <p className="field-hint">
                  {m.importedNotice(platformLabel(row.plateforme))} {m.importedCannotCancel}
                </p>
                <ImportedNatureControl row={row} onSaved={onSaved} />
                <dl className="resa-readonly">
                  <div>
                    <dt>{m.giteLabel}</dt>
                    <dd>{gites.find((gite) => gite.id === row.gite_id)?.nom}</dd>
                  </div>
                  <div>
                    <dt>{m.dateDebutLabel}</dt>
                    <dd>{formatDay(row.date_debut)}</dd>
                  </div>
                  <div>
                    <dt>{m.dateFinLabel}</dt>
                    <dd>{formatDay(row.date_fin)}</dd>
                  </div>
                  <div>
                    <dt>{m.platformLabel}</dt>
                    <dd>{platformLabel(row.plateforme)}</dd>
                  </div>
                </dl>
              </>
            ) : null}
            <div className="form-grid">
              {imported ? null : (
                <>
                  <SelectField
                    {...fieldProps('gite_id')}
                    className="span-2"
                    label={m.giteLabel}
                    required
                    options={giteOptions}
                  />
                  <TextField
                    {...fieldProps('date_debut')}
                    label={m.dateDebutLabel}
                    type="date"
                    required
                  />
                  <TextField
                    {...fieldProps('date_fin')}
                    label={m.dateFinLabel}
                    type="date"
                    required
                    min={draft.date_debut || undefined}
                  />
                </>
              )}
              <TextField
                {...fieldProps('client_nom')}
                className="span-2"
                label={m.clientNomLabel}
                required={!imported}
                maxLength={CLIENT_NOM_MAX_LENGTH}
                autoComplete="off"
              />
              <TextField
                {...fieldProps('client_email')}
                label={m.clientEmailLabel}
                type="email"
                inputMode="email"
                autoComplete="off"
                spellCheck={false}
              />
              <TextField
                {...fieldProps('client_telephone')}
                label={m.clientTelephoneLabel}
                type="tel"
                inputMode="tel"
                autoComplete="off"
              />
              <TextField
                {...fieldProps('nb_personnes')}
                label={m.nbPersonnesLabel}
                inputMode="numeric"
              />
              <TextField
                {...fieldProps('nb_adultes')}
                label={m.nbAdultesLabel}
                inputMode="numeric"
                hint={m.nbAdultesHint}
              />
              <TextField
                {...fieldProps('montant')}
                label={m.montantLabel}
                inputMode="decimal"
                hint={m.montantHint}
              />
              <NotesField
                id={`${idPrefix}-notes`}
                value={draft.notes}
                error={errors.notes}
                onChange={(value) => setField('notes', value)}
              />
            </div>
          </>
        )}
        {warning ? (
          <div className="resa-overlap-warning" role="alert" tabIndex={-1} ref={warningRef}>
            <h3>{m.overlapTitle}</h3>
            <p>{m.overlapText(warning.found.total)}</p>
            <ul>
              {warning.found.stays.map((stay) => (
                <li key={stay.id}>
                  <strong>{guestName(stay.client_nom)}</strong> —{' '}
                  {formatStay(stay.date_debut, stay.date_fin)} ({platformLabel(stay.plateforme)})
                </li>
              ))}
              {warning.found.total > warning.found.stays.length ? (
                <li>{m.overlapMore(warning.found.total - warning.found.stays.length)}</li>
              ) : null}
            </ul>
            <div className="form-actions">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  setWarning(null);
                  document.getElementById(`${idPrefix}-date_debut`)?.focus();
                }}
              >
                {m.overlapBack}
              </button>
              <button
                type="button"
                className="button button-primary"
                disabled={saving || write.blocked}
                {...write.reasonProps}
                onClick={() => void save(warning.pending)}
              >
                {saving ? m.saving : m.overlapConfirm}
              </button>
            </div>
          </div>
        ) : (
          <div className="form-actions">
            <OfflineFormNote />
            {row && !imported && row.status !== 'cancelled' ? (
              <button
                type="button"
                className="button button-danger-quiet resa-cancel-stay"
                disabled={write.blocked}
                {...write.reasonProps}
                onClick={() => onRequestCancel(row)}
              >
                {m.cancelStayAction}
              </button>
            ) : null}
            <button
              type="button"
              className="button button-secondary"
              onClick={() => dialogRef.current?.close()}
            >
              {m.cancel}
            </button>
            {noGites ? null : (
              <button
                type="submit"
                className="button button-primary"
                disabled={busy || write.blocked}
                {...write.reasonProps}
              >
                {checking ? m.checking : saving ? m.saving : row ? m.submitUpdate : m.submitCreate}
              </button>
            )}
          </div>
        )}
      </form>
    </dialog>
  );
}

function NotesField({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field span-2">
      <label htmlFor={id}>{m.notesLabel}</label>
      <textarea
        id={id}
        name="notes"
        rows={3}
        maxLength={NOTES_MAX_LENGTH}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
