import { describe, expect, it } from 'vitest';
import { CSV_BOM, centsToCsv, csvField, toCsv } from './csv';

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('Le Moulin')).toBe('Le Moulin');
    expect(csvField('Gîte « Été »')).toBe('Gîte « Été »');
  });
  it('quotes separators, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('Dupont; Martin')).toBe('"Dupont; Martin"');
    expect(csvField('Le "Moulin"')).toBe('"Le ""Moulin"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
    expect(csvField(' espace')).toBe('" espace"');
  });
  it('defuses spreadsheet formulas in text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('+33 6')).toBe("'+33 6");
    expect(csvField('-x')).toBe("'-x");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
  it('writes numbers with a decimal comma, and null as empty', () => {
    expect(csvField(3)).toBe('3');
    expect(csvField(0.88)).toBe('0,88');
    expect(csvField(-1.5)).toBe('-1,5');
    expect(csvField(null)).toBe('');
  });
});

describe('centsToCsv', () => {
  it('writes euros with two decimals and a comma', () => {
    expect(centsToCsv(528)).toBe('5,28');
    expect(centsToCsv(5)).toBe('0,05');
    expect(centsToCsv(123456)).toBe('1234,56');
    expect(centsToCsv(0)).toBe('0,00');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['Gîte', 'Montant'],
        [
          ['A;B', '5,28'],
          ['C', null],
        ],
      ),
    ).toBe(`${CSV_BOM}Gîte;Montant\r\n"A;B";5,28\r\nC;\r\n`);
  });
});
