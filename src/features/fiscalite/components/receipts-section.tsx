import { Link } from 'react-router';
import type { CeilingWarning } from '@/features/fiscalite/ceiling-warning';
import { fiscalPageMessages as m } from '@/features/fiscalite/messages';
import { formatCents } from '@/features/fiscalite/money';
import { CATEGORY_LABELS, GITE_CATEGORIES } from '@/features/fiscalite/rules';
import {
  type ReceiptRow,
  receiptsOfYear,
  staysWithoutAmount,
} from '@/features/fiscalite/simulation-input';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The year's receipts per category beside N-1 and N-2 (from fiscal_receipts), with the ceiling warnings. */
export function ReceiptsSection({
  year,
  rows,
  warnings,
}: {
  year: number;
  rows: readonly ReceiptRow[];
  warnings: readonly CeilingWarning[];
}) {
  const years = [year, year - 1, year - 2];
  const byYear = years.map((y) => receiptsOfYear(rows, y));
  const categories = GITE_CATEGORIES.filter((c) => byYear.some((r) => (r[c] ?? 0) > 0));
  const totals = byYear.map((r) => Object.values(r).reduce((a, b) => a + (b ?? 0), 0));
  const missing = staysWithoutAmount(rows, year);
  return (
    <section className="card fiscal-section" aria-labelledby="fiscal-receipts-title">
      <h2 id="fiscal-receipts-title">{m.receiptsTitle}</h2>
      <p className="field-hint">{m.dateRule}</p>
      {categories.length === 0 ? (
        <p className="fiscal-empty">{m.noReceipts(year)}</p>
      ) : (
        <div className="fiscal-table-wrap">
          <table className="fiscal-table fiscal-receipts">
            <thead>
              <tr>
                <th scope="col">{m.category}</th>
                {years.map((y) => (
                  <th scope="col" key={y}>
                    {y}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category) => (
                <tr key={category} data-category={category}>
                  <th scope="row">{capitalize(CATEGORY_LABELS[category])}</th>
                  {byYear.map((receipts, index) => (
                    <td key={years[index]}>{formatCents(receipts[category] ?? 0)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{m.total}</th>
                {totals.map((total, index) => (
                  <td key={years[index]}>{formatCents(total)}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {missing > 0 ? (
        <p className="notice">
          {m.missingAmounts(missing)} <Link to="/reservations">{m.completeLink}</Link>
        </p>
      ) : null}
      {warnings.map((warning) => (
        <p
          key={`${warning.check.tier}-${warning.level}`}
          className="fiscal-warning"
          data-level={warning.level}
          role="status"
        >
          {warning.message}
        </p>
      ))}
    </section>
  );
}
