import { useState } from 'react';
import { FormAlert } from '@/components/form-alert';
import type { SavedSimulation } from '@/features/fiscalite/api/get-saved-simulations';
import { useSaveSimulation } from '@/features/fiscalite/api/save-simulation';
import { type Explanation, explain } from '@/features/fiscalite/explain';
import { fiscaliteMessages, fiscalPageMessages as m } from '@/features/fiscalite/messages';
import {
  parseSavedResults,
  savedResults,
  savedStatus,
} from '@/features/fiscalite/saved-simulation';
import type { SimulationInput, SimulationResult } from '@/features/fiscalite/simulation';
import { describeError, formatDateTime } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';

function Lines({ title, lines }: { title: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <div className="fiscal-explain-block">
      <h3>{title}</h3>
      <ul className="fiscal-explain">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Micro-BIC against régime réel: the engine's explanation line by line, the cheaper one named,
 * and « Enregistrer la simulation ». A saved simulation whose input hash is today's is served
 * as saved; another hash means the inputs changed since: it is shown as stale.
 */
export function SimulationSection({
  year,
  input,
  result,
  hash,
  saved,
}: {
  year: number;
  input: SimulationInput;
  result: SimulationResult;
  hash: string | null;
  saved: SavedSimulation | null;
}) {
  const save = useSaveSimulation();
  const write = useWriteAccess();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const status = savedStatus(saved, hash);
  const fromSaved = status === 'fresh' && saved ? parseSavedResults(saved.resultats) : null;
  const explanation: Explanation = fromSaved?.explanation ?? explain(result);
  const cheaper = fromSaved?.cheaper ?? result.comparison.cheaper;
  const when = saved ? formatDateTime(saved.computed_at) : '';

  async function onSave() {
    if (hash === null || write.blocked) return;
    setError(null);
    setNotice(null);
    try {
      await save.mutateAsync({
        year,
        id: saved?.id ?? null,
        input,
        inputsHash: hash,
        results: savedResults(result, explain(result)),
        receipts: result.receipts,
      });
      setNotice(m.simulationSaved);
    } catch (cause) {
      setError(describeError(cause));
    }
  }

  return (
    <section className="card fiscal-section fiscal-simulation" aria-labelledby="fiscal-sim-title">
      <h2 id="fiscal-sim-title">{m.simulationTitle(year)}</h2>
      <p className="fiscal-saved" data-status={status} role="status">
        {status === 'fresh'
          ? m.savedFresh(when)
          : status === 'stale'
            ? m.savedStale(when)
            : m.notSaved}
      </p>
      <p className="fiscal-cheaper">
        {cheaper === 'equal' ? m.equal : m.cheaper(fiscaliteMessages.regime[cheaper])}
      </p>
      <p className="fiscal-conclusion">{explanation.conclusion}</p>
      <div className="fiscal-explain-grid">
        <Lines title={m.microTitle} lines={explanation.micro} />
        <Lines title={m.reelTitle} lines={explanation.reel} />
      </div>
      <Lines title={m.socialTitle} lines={explanation.social} />
      <Lines title={m.warningsTitle} lines={explanation.warnings} />
      <Lines title={m.noticesTitle} lines={explanation.notices} />
      {error ? <FormAlert>{error}</FormAlert> : null}
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={hash === null || save.isPending || write.blocked || status === 'fresh'}
          {...write.reasonProps}
          onClick={onSave}
        >
          {save.isPending ? m.saving : m.saveSimulation}
        </button>
      </div>
    </section>
  );
}
