import { describe, expect, it } from 'vitest';
import { euros } from '@/features/fiscalite/money';
import type { SimulationInput } from '@/features/fiscalite/simulation';
import {
  canonicalJson,
  simulationInputHash,
  simulationKeySource,
} from '@/features/fiscalite/simulation-key';

const input: SimulationInput = {
  year: 2025,
  receipts: { meuble_tourisme_classe: euros(30_000), chambre_hotes: euros(5_000) },
  charges: [
    { kind: 'taxe_fonciere', amount: euros(800) },
    { kind: 'interets_emprunt', amount: euros(2_000) },
  ],
  vehicle: { businessKm: 1_000, totalKm: 10_000, actualCosts: [{ kind: 'carburant', amount: 1 }] },
};

describe('the key of a saved simulation', () => {
  it('canonical JSON sorts keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 1] } })).toBe('{"a":{"c":[2,1]},"b":1}');
  });

  it('is the same whatever the order of keys and of the charges', async () => {
    const reordered: SimulationInput = {
      charges: [...(input.charges ?? [])].reverse(),
      receipts: { chambre_hotes: euros(5_000), meuble_tourisme_classe: euros(30_000) },
      vehicle: input.vehicle,
      year: 2025,
    };
    expect(simulationKeySource(reordered)).toBe(simulationKeySource(input));
    expect(await simulationInputHash(reordered)).toBe(await simulationInputHash(input));
  });

  it('changes when one cent, one kilometre or the year changes', async () => {
    const hash = await simulationInputHash(input);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const oneCent = { ...input, receipts: { ...input.receipts, chambre_hotes: euros(5_000) + 1 } };
    const oneKm = { ...input, vehicle: { ...input.vehicle, businessKm: 1_001 } } as SimulationInput;
    expect(await simulationInputHash(oneCent)).not.toBe(hash);
    expect(await simulationInputHash(oneKm)).not.toBe(hash);
    expect(await simulationInputHash({ ...input, year: 2024 })).not.toBe(hash);
  });

  it('carries the rules version, so a new rules table makes saved results stale', () => {
    expect(simulationKeySource(input)).toMatch(/^\{"input":.*,"rulesVersion":1\}$/);
  });
});
