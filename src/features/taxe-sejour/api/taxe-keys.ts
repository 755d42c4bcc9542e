import type { IsoDate } from '@/lib/iso-date';

/** Every taxe de séjour query key starts with `taxeKeys.all`. */
export const taxeKeys = {
  all: ['taxe-sejour'] as const,
  settings: () => [...taxeKeys.all, 'settings'] as const,
  ledger: (from: IsoDate, to: IsoDate, page: number) =>
    [...taxeKeys.all, 'ledger', from, to, page] as const,
  totals: (from: IsoDate, to: IsoDate) => [...taxeKeys.all, 'totals', from, to] as const,
};
