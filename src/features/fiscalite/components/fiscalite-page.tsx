import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { SelectField } from '@/components/select-field';
import { useCarryForwards } from '@/features/fiscalite/api/get-carry-forwards';
import { useCharges } from '@/features/fiscalite/api/get-charges';
import { useComponents } from '@/features/fiscalite/api/get-components';
import { useFiscalGites } from '@/features/fiscalite/api/get-fiscal-gites';
import { useFiscalReceipts } from '@/features/fiscalite/api/get-fiscal-receipts';
import { useSavedSimulations } from '@/features/fiscalite/api/get-saved-simulations';
import { useSettings } from '@/features/fiscalite/api/get-settings';
import { useTripTotals } from '@/features/fiscalite/api/get-trip-totals';
import { useVehicle } from '@/features/fiscalite/api/get-vehicle';
import { ChargesSection } from '@/features/fiscalite/components/charges-section';
import { ComponentsSection } from '@/features/fiscalite/components/components-section';
import { HouseholdSection } from '@/features/fiscalite/components/household-section';
import { ReceiptsSection } from '@/features/fiscalite/components/receipts-section';
import { SimulationSection } from '@/features/fiscalite/components/simulation-section';
import { TripsSection } from '@/features/fiscalite/components/trips-section';
import { VehicleSection } from '@/features/fiscalite/components/vehicle-section';
import {
  type FiscalParams,
  fiscalSearch,
  fiscalYearChoices,
  parseFiscalParams,
} from '@/features/fiscalite/fiscal-params';
import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { TAX_YEARS, UnsupportedTaxYearError } from '@/features/fiscalite/rules';
import { parseSavedResults } from '@/features/fiscalite/saved-simulation';
import { type SimulationResult, simulate } from '@/features/fiscalite/simulation';
import {
  buildSimulationInput,
  carriedInFor,
  type SavedCarryOut,
} from '@/features/fiscalite/simulation-input';
import { simulationInputHash, simulationKeySource } from '@/features/fiscalite/simulation-key';
import { todayIso } from '@/lib/iso-date';
import { reportError } from '@/lib/report-error';
import '@/features/fiscalite/fiscalite.css';

/** The hash of the current input, computed off the render (Web Crypto is async). */
function useInputHash(source: string | null, compute: () => Promise<string>): string | null {
  const [state, setState] = useState<{ source: string; hash: string } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the source string is the input's identity
  useEffect(() => {
    if (source === null) return;
    let live = true;
    void compute().then((hash) => {
      if (live) setState({ source, hash });
    });
    return () => {
      live = false;
    };
  }, [source]);
  return state && state.source === source ? state.hash : null;
}

/** /fiscalite: one tax year's inputs, editors and the micro-BIC / réel comparison. */
export function FiscalitePage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const today = todayIso();
  const params = parseFiscalParams(searchParams, today, TAX_YEARS);
  const { year } = params;

  const gites = useFiscalGites();
  const receipts = useFiscalReceipts(year);
  const charges = useCharges(year);
  const components = useComponents();
  const vehicle = useVehicle(year);
  const totals = useTripTotals(year);
  const settings = useSettings(year);
  const carryForwards = useCarryForwards();
  const saved = useSavedSimulations(year);
  const queries = [
    gites,
    receipts,
    charges,
    components,
    vehicle,
    totals,
    settings,
    carryForwards,
    saved,
  ];
  const ready =
    gites.isSuccess &&
    receipts.isSuccess &&
    charges.isSuccess &&
    components.isSuccess &&
    vehicle.isSuccess &&
    totals.isSuccess &&
    settings.isSuccess &&
    carryForwards.isSuccess &&
    saved.isSuccess;

  const previousYear: SavedCarryOut | null = useMemo(() => {
    const results = saved.data?.previous ? parseSavedResults(saved.data.previous.resultats) : null;
    return results ? { regime: results.regime, carryOut: results.carryOut[results.regime] } : null;
  }, [saved.data]);

  const input = useMemo(() => {
    if (!ready) return null;
    return buildSimulationInput({
      year,
      receipts: receipts.data,
      charges: charges.data,
      components: components.data,
      vehicle: vehicle.data,
      businessKm: totals.data.businessKm,
      settings: settings.data,
      carryForwards: carryForwards.data,
      previousYear,
    });
  }, [
    ready,
    year,
    receipts.data,
    charges.data,
    components.data,
    vehicle.data,
    totals.data,
    settings.data,
    carryForwards.data,
    previousYear,
  ]);

  const simulation = useMemo((): { result: SimulationResult } | { error: string } | null => {
    if (!input) return null;
    try {
      return { result: simulate(input) };
    } catch (error) {
      if (error instanceof UnsupportedTaxYearError) return { error: m.noRules(year) };
      // The engine's reason is for us (English, technical): the owner reads French.
      reportError(error, 'simulation fiscale');
      return { error: m.cannotSimulate };
    }
  }, [input, year]);

  const source = input && simulation && 'result' in simulation ? simulationKeySource(input) : null;
  const hash = useInputHash(source, () =>
    input ? simulationInputHash(input) : Promise.resolve(''),
  );

  let content: ReactNode;
  const failed = queries.find((q) => q.isError);
  if (failed) {
    content = (
      <LoadError message={m.loadError} error={failed.error} onRetry={() => failed.refetch()} />
    );
  } else if (!ready || !input || !simulation) {
    const paused = queries.some((q) => q.isPending && q.fetchStatus === 'paused');
    content = paused ? (
      <p className="page-state">{m.offline}</p>
    ) : (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else {
    const result = 'result' in simulation ? simulation.result : null;
    const source = carriedInFor(year, carryForwards.data, previousYear).source;
    content = (
      <>
        <ReceiptsSection year={year} rows={receipts.data} warnings={result?.warnings ?? []} />
        {result ? (
          <SimulationSection
            year={year}
            input={input}
            result={result}
            hash={hash}
            saved={saved.data.current}
          />
        ) : (
          <FormAlert>{'error' in simulation ? simulation.error : ''}</FormAlert>
        )}
        <ChargesSection year={year} charges={charges.data} />
        <ComponentsSection
          year={year}
          components={components.data}
          lines={result?.depreciation.lines ?? null}
          gites={gites.data}
        />
        <VehicleSection
          year={year}
          vehicle={vehicle.data}
          totals={totals.data}
          deduction={result?.vehicle ?? null}
        />
        <TripsSection params={params} totals={totals.data} />
        <HouseholdSection
          year={year}
          settings={settings.data}
          carryForwards={carryForwards.data}
          carrySource={m.carrySource[source](year - 1)}
        />
      </>
    );
  }

  const go = (next: Partial<FiscalParams>) =>
    navigate({ search: fiscalSearch({ ...params, tripsPage: 1, ...next }) });

  return (
    <div className="page fiscal-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <p className="fiscal-intro">{m.intro}</p>
      <div className="fiscal-toolbar">
        <SelectField
          label={m.yearLabel}
          value={String(year)}
          onChange={(event) => go({ year: Number(event.target.value) })}
          options={fiscalYearChoices(today, TAX_YEARS).map((y) => ({
            value: String(y),
            label: String(y),
          }))}
        />
      </div>
      {content}
    </div>
  );
}
