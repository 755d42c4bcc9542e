import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import {
  getLedgerAll,
  LEDGER_PAGE_SIZE,
  useLedgerPage,
} from '@/features/taxe-sejour/api/get-ledger';
import { type TaxeGite, useTaxeSettings } from '@/features/taxe-sejour/api/get-taxe-settings';
import { useTotals } from '@/features/taxe-sejour/api/get-totals';
import { useSaveTaxeSettings } from '@/features/taxe-sejour/api/save-taxe-settings';
import { TaxeSettingsForm } from '@/features/taxe-sejour/components/settings-form';
import { taxeMessages as m } from '@/features/taxe-sejour/messages';
import {
  periodDates,
  periodSearch,
  type ReportPeriod,
  readPeriod,
} from '@/features/taxe-sejour/period-params';
import { frenchDate, type LedgerRow, registreCsv } from '@/features/taxe-sejour/registre';
import { taxeSettingsDraft } from '@/features/taxe-sejour/settings-schema';
import { describeError } from '@/lib/i18n';
import { todayIso } from '@/lib/iso-date';
import { formatEuros } from '@/lib/money';
import { pageCount, pageRowSpan } from '@/lib/pagination';
import { platformLabel } from '@/lib/platforms';
import { supabase } from '@/lib/supabase';
import '@/features/taxe-sejour/taxe-sejour.css';

const euros = (cents: number) => formatEuros(cents / 100);

function ruleSummary(gite: TaxeGite): string {
  const s = gite.settings;
  if (!s) return m.notSet;
  const rule =
    s.regle === 'pourcentage'
      ? m.ruleSummaryPourcentage(
          String((s.taux_points_base ?? 0) / 100).replace('.', ','),
          euros(s.plafond_centimes ?? 0),
        )
      : m.ruleSummaryFixe(euros(s.tarif_centimes ?? 0));
  const platforms = s.plateformes_collectrices.map(platformLabel).join(', ');
  return `${s.commune} — ${rule}${s.taxe_additionnelle ? m.withSurcharge : ''}${
    platforms ? `. ${m.collectedBy(platforms)}` : ''
  }`;
}

function SettingsSection() {
  const settings = useTaxeSettings();
  const save = useSaveTaxeSettings();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = useId();

  let content: ReactNode;
  if (settings.isPending && settings.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (settings.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (settings.isError) {
    content = (
      <LoadError message={m.loadError} error={settings.error} onRetry={() => settings.refetch()} />
    );
  } else if (settings.data.length === 0) {
    content = (
      <p className="empty-state">
        {m.noGite} <Link to="/gites">Gîtes</Link>
      </p>
    );
  } else {
    content = (
      <ul className="taxe-gites">
        {settings.data.map((gite) => (
          <li key={gite.id} aria-label={gite.nom}>
            <div className="taxe-gite-line">
              <strong>{gite.nom}</strong>
              <span className="taxe-gite-rule">{ruleSummary(gite)}</span>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  setNotice(null);
                  setEditing(gite.id);
                }}
              >
                {m.edit}
              </button>
            </div>
            {editing === gite.id ? (
              <TaxeSettingsForm
                title={m.formTitle(gite.nom)}
                initial={taxeSettingsDraft(gite.settings)}
                onCancel={() => setEditing(null)}
                onSave={async (values) => {
                  await save.mutateAsync({ giteId: gite.id, values });
                  setEditing(null);
                  setNotice(`${gite.nom} : réglages enregistrés.`);
                }}
              />
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <section className="card taxe-settings" aria-labelledby={titleId}>
      <h2 id={titleId}>{m.settingsTitle}</h2>
      {notice ? (
        <p role="status" className="taxe-notice">
          {notice}
        </p>
      ) : null}
      {content}
    </section>
  );
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

const MONTH_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const QUARTER_NUMBERS = [1, 2, 3, 4];

function PeriodChooser({ period }: { period: ReportPeriod }) {
  const navigate = useNavigate();
  const id = useId();
  const [kind, setKind] = useState(period.kind);
  const [year, setYear] = useState(String(period.year));
  const [index, setIndex] = useState(String(period.index));
  const max = kind === 'mois' ? 12 : 4;
  const chosen = Math.min(Number(index) || 1, max);

  function submit(event: FormEvent) {
    event.preventDefault();
    void navigate(
      periodSearch({ kind, year: Number(year) || period.year, index: chosen, page: 1 }),
    );
  }

  return (
    <form className="taxe-period" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{m.periodKind}</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => setKind(event.target.value === 'mois' ? 'mois' : 'trimestre')}
        >
          <option value="trimestre">{m.quarter}</option>
          <option value="mois">{m.month}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-n`}>{kind === 'mois' ? m.month : m.quarter}</label>
        <select id={`${id}-n`} value={String(chosen)} onChange={(e) => setIndex(e.target.value)}>
          {(kind === 'mois' ? MONTH_NUMBERS : QUARTER_NUMBERS).map((n) => (
            <option key={n} value={String(n)}>
              {kind === 'mois' ? MONTHS[n - 1] : m.quarterLabel(n)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{m.year}</label>
        <input
          id={`${id}-year`}
          inputMode="numeric"
          value={year}
          onChange={(event) => setYear(event.target.value.replace(/\D/g, '').slice(0, 4))}
        />
      </div>
      <button type="submit" className="button button-secondary">
        {m.show}
      </button>
    </form>
  );
}

function anomalyText(row: LedgerRow): string {
  return row.anomalies.map((a) => m.anomalies[a] ?? a).join(', ');
}

function Report({ period }: { period: ReportPeriod }) {
  const { from, to } = periodDates(period);
  const totals = useTotals(from, to);
  const ledger = useLedgerPage(from, to, period.page);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const titleId = useId();

  async function exportCsv() {
    setExporting(true);
    setExportError(null);
    try {
      const rows = await getLedgerAll(supabase, from, to);
      const blob = new Blob([registreCsv(rows)], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `taxe-de-sejour-${from}-${to}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (error) {
      setExportError(`${m.exportError} ${describeError(error)}`);
    } finally {
      setExporting(false);
    }
  }

  let table: ReactNode;
  if (ledger.isPending && ledger.fetchStatus === 'paused') {
    table = <p className="page-state">{m.offline}</p>;
  } else if (ledger.isPending) {
    table = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (ledger.isError) {
    table = (
      <LoadError message={m.loadError} error={ledger.error} onRetry={() => ledger.refetch()} />
    );
  } else if (ledger.data.total === 0) {
    table = <p>{m.noRows}</p>;
  } else {
    const span = pageRowSpan(period.page, ledger.data.total, LEDGER_PAGE_SIZE);
    table = (
      <>
        <div className="taxe-table-wrap">
          <table className="taxe-table">
            <thead>
              <tr>
                <th scope="col">{m.colGite}</th>
                <th scope="col">{m.colArrival}</th>
                <th scope="col">{m.colDeparture}</th>
                <th scope="col">{m.colNights}</th>
                <th scope="col">{m.colPeople}</th>
                <th scope="col">{m.colTaxable}</th>
                <th scope="col">{m.colExempt}</th>
                <th scope="col">{m.colRate}</th>
                <th scope="col">{m.colAmount}</th>
                <th scope="col">{m.colCollector}</th>
              </tr>
            </thead>
            <tbody>
              {ledger.data.rows.map((row) => (
                <tr
                  key={`${row.reservation_id}-${row.mois}`}
                  data-incomplete={row.montant_centimes === null || undefined}
                >
                  <th scope="row">
                    {row.gite_nom}
                    {row.anomalies.length > 0 ? (
                      <span className="taxe-anomaly">{anomalyText(row)}</span>
                    ) : null}
                  </th>
                  <td>{frenchDate(row.date_debut)}</td>
                  <td>{frenchDate(row.date_fin)}</td>
                  <td>{row.nuits}</td>
                  <td>{row.nb_personnes ?? '—'}</td>
                  <td>{row.adultes_taxables ?? '—'}</td>
                  <td>{row.personnes_exonerees ?? '—'}</td>
                  <td>
                    {row.tarif_centimes === null
                      ? '—'
                      : formatEuros(Number(row.tarif_centimes) / 100)}
                  </td>
                  <td>{row.montant_centimes === null ? '—' : euros(row.montant_centimes)}</td>
                  <td>
                    {row.collecte_par === 'plateforme'
                      ? platformLabel(row.plateforme)
                      : m.collectorOwner}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {span ? (
          <p className="taxe-span">{m.rowsSpan(span.first, span.last, ledger.data.total)}</p>
        ) : null}
        <Pager
          label={m.pagesLabel}
          page={period.page}
          pageCount={pageCount(ledger.data.total, LEDGER_PAGE_SIZE)}
          hrefFor={(page) => periodSearch({ ...period, page })}
        />
      </>
    );
  }

  return (
    <section className="card taxe-report" aria-labelledby={titleId}>
      <h2 id={titleId}>{m.reportTitle}</h2>
      <PeriodChooser key={periodSearch({ ...period, page: 1 })} period={period} />
      {totals.isSuccess ? (
        <dl className="taxe-totals" aria-label="Totaux de la période">
          <div>
            <dt>{m.dueByOwner}</dt>
            <dd data-testid="total-proprietaire">{euros(totals.data.all.dueByOwnerCents)}</dd>
          </div>
          <div>
            <dt>{m.collectedByPlatforms}</dt>
            <dd data-testid="total-plateformes">
              {euros(totals.data.all.collectedByPlatformsCents)}
            </dd>
          </div>
          <div>
            <dt>{m.personNights}</dt>
            <dd>{totals.data.all.personNights}</dd>
          </div>
        </dl>
      ) : totals.isError ? (
        <LoadError message={m.loadError} error={totals.error} onRetry={() => totals.refetch()} />
      ) : null}
      {totals.isSuccess && totals.data.byMonth.length > 1 ? (
        <ul className="taxe-months">
          {totals.data.byMonth.map(({ mois, totals: t }) => (
            <li key={mois}>
              {MONTHS[Number(mois.slice(5, 7)) - 1]} : {m.dueByOwner.toLowerCase()}{' '}
              {euros(t.dueByOwnerCents)}, {m.collectedByPlatforms.toLowerCase()}{' '}
              {euros(t.collectedByPlatformsCents)}
            </li>
          ))}
        </ul>
      ) : null}
      {totals.isSuccess && totals.data.all.incomplete > 0 ? (
        <FormAlert>{m.incomplete(totals.data.all.incomplete)}</FormAlert>
      ) : null}
      {table}
      <div className="form-actions">
        {exportError ? <FormAlert>{exportError}</FormAlert> : null}
        <button
          type="button"
          className="button button-primary"
          disabled={exporting}
          onClick={() => void exportCsv()}
        >
          {exporting ? m.exporting : m.export}
        </button>
      </div>
    </section>
  );
}

/** /taxe-de-sejour: each gîte's rule, and the month's or quarter's registre. */
export function TaxeSejourPage() {
  const [params] = useSearchParams();
  const period = readPeriod(params, todayIso());
  return (
    <div className="page taxe-page">
      <h1>{m.pageTitle}</h1>
      <p className="taxe-intro">{m.intro}</p>
      <SettingsSection />
      <Report period={period} />
    </div>
  );
}
