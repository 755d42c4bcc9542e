import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { SelectField } from '@/components/select-field';
import { TextField } from '@/components/text-field';
import type { GuestSheetRow } from '@/features/guest-sheets/api/get-guest-sheets';
import { type SheetStay, useStaySheets } from '@/features/guest-sheets/api/get-stay-sheets';
import {
  type IssuedSheet,
  useCreateGuestSheet,
  useRegenerateGuestSheet,
  useRevokeGuestSheet,
} from '@/features/guest-sheets/api/sheet-link-mutations';
import { SheetStatusBadge } from '@/features/guest-sheets/components/sheet-status-badge';
import { guestLabel, shortDay, stayDates, validityDays } from '@/features/guest-sheets/format';
import { guestSheetsMessages as m } from '@/features/guest-sheets/messages';
import { guestSheetUrl, isLive, sheetStatus } from '@/features/guest-sheets/sheet-status';
import { defaultValidity, validityError } from '@/features/guest-sheets/validity';
import { commonMessages, describeError, formatDateTime } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';
import '@/features/guest-sheets/guest-sheets.css';

/**
 * A stay's welcome sheet: make its link (language, validity), copy it — once: only its hash
 * is kept —, regenerate it (the old link dies) or turn it off; and the stay's earlier links.
 */
export function StaySheetPage({ reservationId }: { reservationId: string }) {
  const query = useStaySheets(reservationId);

  let content: ReactNode;
  if (query.isPending && query.fetchStatus === 'paused') {
    content = <p className="page-state">{commonMessages.offline}</p>;
  } else if (query.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  } else if (query.isError) {
    content = (
      <LoadError
        message={m.stayLoadError}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  } else if (!query.data.stay) {
    content = <p className="page-state">{m.stayNotFound}</p>;
  } else {
    return <StaySheets stay={query.data.stay} sheets={query.data.sheets} />;
  }
  return (
    <div className="page sheets-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      {content}
      <p>
        <Link to="/fiches-clients">{m.backToList}</Link>
      </p>
    </div>
  );
}

function StaySheets({ stay, sheets }: { stay: SheetStay; sheets: GuestSheetRow[] }) {
  const guest = guestLabel(stay.client_nom);
  const now = Date.now();
  const [latest, ...older] = sheets;
  const live = latest && isLive(sheetStatus(latest, now)) ? latest : null;
  const earlier = live ? older : sheets;
  const [issued, setIssued] = useState<IssuedSheet | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <div className="page sheets-page">
      <div className="page-header">
        <h1>{m.stayTitle(guest)}</h1>
      </div>
      <p className="sheets-stay">
        <strong>{stay.gite.nom}</strong> · {stayDates(stay.date_debut, stay.date_fin)}
      </p>
      <nav className="sheets-links">
        <Link to="/fiches-clients">{m.backToList}</Link>
        <Link to="/reservations">{m.backToReservations}</Link>
        <Link to={`/fiches-de-police/sejour/${stay.id}`}>{m.policeForms}</Link>
      </nav>
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {issued ? <IssuedLink sheet={issued} /> : null}
      {stay.status !== 'confirmed' ? (
        <p className="page-state">{m.stayNotConfirmed}</p>
      ) : live ? (
        <LiveSheet
          sheet={live}
          onIssued={(sheet) => {
            setIssued(sheet);
            setNotice(m.regenerated);
          }}
          onRevoked={() => {
            setIssued(null);
            setNotice(m.revoked);
          }}
        />
      ) : (
        <NewSheetForm
          stay={stay}
          onIssued={(sheet) => {
            setIssued(sheet);
            setNotice(m.created);
          }}
        />
      )}
      {earlier.length > 0 ? (
        <section className="card sheets-history" aria-labelledby="sheets-history-title">
          <h2 id="sheets-history-title">{m.history}</h2>
          <ul>
            {earlier.map((sheet) => {
              const days = validityDays(sheet.valid_from, sheet.valid_until);
              return (
                <li key={sheet.id}>
                  <SheetStatusBadge status={sheetStatus(sheet, now)} />{' '}
                  {m.validity(shortDay(days.from), shortDay(days.until))}
                  {sheet.first_opened_at
                    ? ` — ${m.openedAt(formatDateTime(sheet.first_opened_at))}`
                    : ''}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** The link just made: the only time the owner sees it. */
function IssuedLink({ sheet }: { sheet: IssuedSheet }) {
  const url = guestSheetUrl(window.location.origin, sheet.token);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function copy() {
    setError(null);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setError(m.copyFailed);
    }
  }
  return (
    <section className="card sheets-issued" aria-labelledby="sheets-issued-title">
      <h2 id="sheets-issued-title">{m.linkReady}</h2>
      <p className="field-hint">{m.linkOnce}</p>
      <label className="sheets-url">
        <span className="visually-hidden">{m.linkLabel}</span>
        <input type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      {error ? <FormAlert>{error}</FormAlert> : null}
      <div className="card-actions">
        <button type="button" className="button button-primary" onClick={() => void copy()}>
          {copied ? m.copied : m.copy}
        </button>
        <a className="button button-secondary" href={url} target="_blank" rel="noopener noreferrer">
          {m.openPreview}
        </a>
      </div>
    </section>
  );
}

function LiveSheet({
  sheet,
  onIssued,
  onRevoked,
}: {
  sheet: GuestSheetRow;
  onIssued: (sheet: IssuedSheet) => void;
  onRevoked: () => void;
}) {
  const regenerate = useRegenerateGuestSheet();
  const revoke = useRevokeGuestSheet();
  const write = useWriteAccess();
  const [confirm, setConfirm] = useState<'regenerate' | 'revoke' | null>(null);
  const days = validityDays(sheet.valid_from, sheet.valid_until);
  return (
    <section className="card sheets-live" aria-labelledby="sheets-live-title">
      <h2 id="sheets-live-title">
        {m.current} <SheetStatusBadge status={sheetStatus(sheet, Date.now())} />
      </h2>
      <p>{m.validity(shortDay(days.from), shortDay(days.until))}</p>
      <p>{m.language[sheet.langue] ?? sheet.langue}</p>
      <p>
        {sheet.first_opened_at ? m.openedAt(formatDateTime(sheet.first_opened_at)) : m.neverOpened}
      </p>
      <div className="card-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={() => setConfirm('regenerate')}
        >
          {m.regenerate}
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={() => setConfirm('revoke')}
        >
          {m.revoke}
        </button>
      </div>
      {confirm ? (
        <ConfirmDialog
          title={confirm === 'regenerate' ? m.regenerateTitle : m.revokeTitle}
          description={confirm === 'regenerate' ? m.regenerateWarning : m.revokeWarning}
          keepLabel={m.keep}
          confirmLabel={confirm === 'regenerate' ? m.regenerate : m.revoke}
          pendingLabel={m.working}
          isPending={regenerate.isPending || revoke.isPending}
          onConfirm={async () => {
            if (confirm === 'regenerate') {
              onIssued(await regenerate.mutateAsync({ sheetId: sheet.id, options: null }));
            } else {
              await revoke.mutateAsync(sheet.id);
              onRevoked();
            }
            setConfirm(null);
          }}
          onClose={() => setConfirm(null)}
        />
      ) : null}
    </section>
  );
}

function NewSheetForm({
  stay,
  onIssued,
}: {
  stay: SheetStay;
  onIssued: (sheet: IssuedSheet) => void;
}) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateGuestSheet();
  const write = useWriteAccess();
  const defaults = defaultValidity(stay.date_debut, stay.date_fin);
  const [langue, setLangue] = useState<'fr' | 'en'>('fr');
  const [from, setFrom] = useState(defaults.from);
  const [until, setUntil] = useState(defaults.until);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending || write.blocked) return;
    setFailure(null);
    const problem = validityError(from, until);
    if (problem) {
      setInvalid(m.validityErrors[problem]);
      focusFirstInvalid(formRef.current);
      return;
    }
    setInvalid(null);
    try {
      onIssued(
        await create.mutateAsync({
          reservationId: stay.id,
          options: { langue, validFrom: from, validUntil: until },
        }),
      );
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <form
      ref={formRef}
      className="card sheets-new"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={submit}
    >
      <h2 id={`${id}-title`}>{m.newLink}</h2>
      <p className="field-hint">{m.none}</p>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <div className="form-grid">
        <SelectField
          label={m.languageLabel}
          name="langue"
          value={langue}
          onChange={(event) => setLangue(event.target.value === 'en' ? 'en' : 'fr')}
          options={[
            { value: 'fr', label: m.language.fr ?? 'fr' },
            { value: 'en', label: m.language.en ?? 'en' },
          ]}
        />
        <TextField
          label={m.fromLabel}
          name="valid_from"
          type="date"
          value={from}
          error={invalid ?? undefined}
          hint={m.validityHint}
          onChange={(event) => setFrom(event.target.value)}
        />
        <TextField
          label={m.untilLabel}
          name="valid_until"
          type="date"
          value={until}
          min={from || undefined}
          onChange={(event) => setUntil(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={create.isPending || write.blocked}
          {...write.reasonProps}
        >
          {create.isPending ? m.creating : m.create}
        </button>
      </div>
    </form>
  );
}
