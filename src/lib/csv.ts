/**
 * CSV made in the browser for French spreadsheets (RFC 4180 quoting), shared by the exports
 * (taxe de séjour registre, fiches de police):
 * - separator `;` — French Excel and LibreOffice read `;` by default, because the comma is
 *   the French decimal separator: numbers are written `12,50` (see `frenchDecimal`);
 * - a field is quoted when it holds `;`, `"`, CR or LF, or starts/ends with a space; a
 *   quote inside is doubled;
 * - a field starting with `=`, `+`, `-`, `@`, tab or CR is prefixed with `'` so that a guest
 *   name cannot become a spreadsheet formula (CSV injection) — numbers are never touched,
 *   they come in as numbers;
 * - lines end with CRLF, and the file starts with a UTF-8 BOM so Excel reads accents.
 */

export type CsvValue = string | number | null;

export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';

const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return frenchDecimal(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A number as French spreadsheets read it: decimal comma, no thousands separator. */
export function frenchDecimal(value: number): string {
  return String(value).replace('.', ',');
}

/** Cents as euros with two decimals: 1234 → "12,34". */
export function centsToCsv(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
