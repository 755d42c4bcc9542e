import { createContext, useContext } from 'react';
import type { OwnerGite } from '@/lib/owner-gites';

/**
 * The owner's gîtes by id, set by the Réservations page from the list it already loads for
 * the filter and the form. The list's rows carry `gite_id` only: reading the gîte's name and
 * colour with every row cost the database two lookups per row, for the rows an offset skips
 * too (page 5: 1 ms of its 2.5 ms, docs/PERFORMANCE.md).
 */
export const GiteLookupContext = createContext<ReadonlyMap<string, OwnerGite>>(new Map());

/** The stay's gîte, or undefined while the owner's gîtes are loading. */
export function useGite(giteId: string): OwnerGite | undefined {
  return useContext(GiteLookupContext).get(giteId);
}
