import { RULES_VERSION } from '@/features/fiscalite/rules';
import type { SimulationInput } from '@/features/fiscalite/simulation';

/**
 * The key of a saved simulation (`simulations_fiscales.inputs_hash`): SHA-256 of the canonical
 * JSON of { rules version, input }. Same input (whatever the order of its keys or of its
 * lists' unordered members) → same key; any change of a number, a category, a charge, a trip
 * total or of the rules table (RULES_VERSION) → another key, so the saved result is stale.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with object keys sorted at every level; undefined members dropped (as JSON does). */
export function canonicalJson(value: unknown): string {
  const normalize = (v: unknown): Json => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new RangeError('a simulation input has only finite numbers');
      return v;
    }
    if (Array.isArray(v)) return v.map(normalize);
    if (typeof v === 'object') {
      const out: { [key: string]: Json } = {};
      for (const key of Object.keys(v as object).sort()) {
        const member = (v as Record<string, unknown>)[key];
        if (member !== undefined) out[key] = normalize(member);
      }
      return out;
    }
    throw new TypeError(`a simulation input cannot hold a ${typeof v}`);
  };
  return JSON.stringify(normalize(value));
}

/**
 * Lists whose order carries no meaning are sorted, so reordering the owner's charges or
 * components does not make a saved simulation stale.
 */
function normalizedInput(input: SimulationInput): SimulationInput {
  const byJson = <T>(items: readonly T[] | undefined) =>
    items ? [...items].sort((a, b) => canonicalJson(a).localeCompare(canonicalJson(b))) : items;
  return {
    ...input,
    charges: byJson(input.charges),
    components: byJson(input.components),
    vehicle: input.vehicle
      ? { ...input.vehicle, actualCosts: byJson(input.vehicle.actualCosts) ?? [] }
      : input.vehicle,
    carriedIn: input.carriedIn
      ? { ...input.carriedIn, deficits: byJson(input.carriedIn.deficits) ?? [] }
      : input.carriedIn,
  };
}

export function simulationKeySource(input: SimulationInput): string {
  return canonicalJson({ rulesVersion: RULES_VERSION, input: normalizedInput(input) });
}

/** Hex SHA-256 of the key source (Web Crypto: browsers, Node 20+, Deno). */
export async function simulationInputHash(input: SimulationInput): Promise<string> {
  const bytes = new TextEncoder().encode(simulationKeySource(input));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
