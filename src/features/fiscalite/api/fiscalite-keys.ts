/**
 * Every Fiscalité query key starts with `fiscaliteKeys.all`; what belongs to one tax year sits
 * under `fiscaliteKeys.year(year)`, so a write invalidates exactly what it can change.
 */
export const fiscaliteKeys = {
  all: ['fiscalite'] as const,
  year: (year: number) => [...fiscaliteKeys.all, 'year', year] as const,
  receipts: (year: number) => [...fiscaliteKeys.year(year), 'receipts'] as const,
  charges: (year: number) => [...fiscaliteKeys.year(year), 'charges'] as const,
  vehicle: (year: number) => [...fiscaliteKeys.year(year), 'vehicle'] as const,
  settings: (year: number) => [...fiscaliteKeys.year(year), 'settings'] as const,
  tripTotals: (year: number) => [...fiscaliteKeys.year(year), 'trip-totals'] as const,
  trips: (year: number) => [...fiscaliteKeys.year(year), 'trips'] as const,
  tripsPage: (year: number, page: number) => [...fiscaliteKeys.trips(year), page] as const,
  /** Saved simulations: saving year N changes what year N + 1 starts from, so one prefix. */
  savedAll: () => [...fiscaliteKeys.all, 'saved'] as const,
  saved: (year: number) => [...fiscaliteKeys.savedAll(), year] as const,
  components: () => [...fiscaliteKeys.all, 'components'] as const,
  carryForwards: () => [...fiscaliteKeys.all, 'carry-forwards'] as const,
  gites: () => [...fiscaliteKeys.all, 'gites'] as const,
};
