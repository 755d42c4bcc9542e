import { z } from 'zod';
import type { CarryForward } from '@/features/fiscalite/carry-forward';
import type { Explanation } from '@/features/fiscalite/explain';
import type { Regime, SimulationResult } from '@/features/fiscalite/simulation';

/**
 * A simulation saved in `simulations_fiscales` (the plan's « cache fiscal »): its input, the
 * input's hash (simulation-key.ts) and what the page shows again at once — the explanation,
 * the retained régime and what each régime carries to the next year. Opening the year again
 * with the same hash serves it as is; any other hash means something changed: stale. Pure.
 */
export const SAVED_RESULTS_VERSION = 1;

export interface SavedResults {
  version: typeof SAVED_RESULTS_VERSION;
  /** The régime the owner is told to keep: the cheaper one (the micro-BIC when equal). */
  regime: Regime;
  cheaper: Regime | 'equal';
  explanation: Explanation;
  taxable: Record<Regime, number>;
  carryOut: Record<Regime, CarryForward>;
}

/** The cheaper régime; the micro-BIC when both give the same (it is the simpler one). */
export function retainedRegime(result: SimulationResult): Regime {
  return result.comparison.cheaper === 'reel' ? 'reel' : 'micro_bic';
}

export function savedResults(result: SimulationResult, explanation: Explanation): SavedResults {
  const { micro_bic: micro, reel } = result.outcomes;
  return {
    version: SAVED_RESULTS_VERSION,
    regime: retainedRegime(result),
    cheaper: result.comparison.cheaper,
    explanation,
    taxable: { micro_bic: micro.taxable, reel: reel.taxable },
    carryOut: { micro_bic: micro.carryOut, reel: reel.carryOut },
  };
}

const cents = z.number().int().nonnegative();
const carrySchema = z.object({
  deferredDepreciation: cents,
  deficits: z.array(z.object({ originYear: z.number().int(), amount: cents })),
});
const regimeSchema = z.enum(['micro_bic', 'reel']);
const savedResultsSchema = z.object({
  version: z.literal(SAVED_RESULTS_VERSION),
  regime: regimeSchema,
  cheaper: z.enum(['micro_bic', 'reel', 'equal']),
  explanation: z.object({
    conclusion: z.string(),
    micro: z.array(z.string()),
    reel: z.array(z.string()),
    social: z.array(z.string()),
    warnings: z.array(z.string()),
    notices: z.array(z.string()),
  }),
  taxable: z.object({ micro_bic: z.number().int(), reel: z.number().int() }),
  carryOut: z.object({ micro_bic: carrySchema, reel: carrySchema }),
});

/** The stored JSON read back; null when it is not a shape this version knows (recompute). */
export function parseSavedResults(json: unknown): SavedResults | null {
  const parsed = savedResultsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export type SavedStatus = 'none' | 'fresh' | 'stale';

/**
 * 'fresh': saved from exactly today's inputs; 'stale': saved, but a stay, charge, trip,
 * component, setting, carry-forward or the rules changed since; 'none': never saved.
 */
export function savedStatus(
  saved: { inputs_hash: string; resultats: unknown } | null,
  currentHash: string | null,
): SavedStatus {
  if (!saved) return 'none';
  if (currentHash === null) return 'stale';
  return saved.inputs_hash === currentHash && parseSavedResults(saved.resultats)
    ? 'fresh'
    : 'stale';
}
