import { locale } from '@/lib/i18n';

const euros = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
const roundEuros = new Intl.NumberFormat(locale, {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** An amount in euros as the French write it: "1 234,50 €". */
export function formatEuros(amount: number, { cents = true }: { cents?: boolean } = {}): string {
  return (cents ? euros : roundEuros).format(amount);
}
