import { describe, expect, it } from 'vitest';
import { normalizeSearchTerm, unaccentLower } from './search-normalize.ts';

describe('normalizeSearchTerm', () => {
  it('makes "dupont", "DUPONT" and "Dupônt" the same term', () => {
    expect(normalizeSearchTerm('dupont')).toBe('dupont');
    expect(normalizeSearchTerm('DUPONT')).toBe('dupont');
    expect(normalizeSearchTerm('Dupônt')).toBe('dupont');
  });

  it('strips French accents and the cedilla', () => {
    expect(normalizeSearchTerm('Hélène Lefèvre')).toBe('helene lefevre');
    expect(normalizeSearchTerm('François Façade')).toBe('francois facade');
    expect(normalizeSearchTerm('Noël Anaïs Gâteau Ÿves')).toBe('noel anais gateau yves');
    expect(normalizeSearchTerm('ÉLODIE ÇA')).toBe('elodie ca');
  });

  it('spells out ligatures and ß as unaccent does', () => {
    expect(normalizeSearchTerm('Œuvray')).toBe('oeuvray');
    expect(normalizeSearchTerm('Cœurdevey')).toBe('coeurdevey');
    expect(normalizeSearchTerm('Lætitia')).toBe('laetitia');
    expect(normalizeSearchTerm('ÆSA')).toBe('aesa');
    expect(normalizeSearchTerm('Strauß')).toBe('strauss');
    expect(normalizeSearchTerm('ﬁlippo')).toBe('filippo');
  });

  it('handles letters NFD cannot decompose (ø, ł, đ) and decomposed input', () => {
    expect(normalizeSearchTerm('Ødegaard Łukasz Đorđe')).toBe('odegaard lukasz dorde');
    expect(normalizeSearchTerm('He\u0301le\u0300ne')).toBe('helene');
  });

  it('keeps what unaccent keeps (Cyrillic й) and lower-cases letter by letter (Σ → σ)', () => {
    expect(normalizeSearchTerm('Андрей')).toBe('андрей');
    expect(unaccentLower('ΟΔΟΣ')).toBe('οδοσ');
  });

  it('turns typographic apostrophes and dashes into ASCII, as the database does', () => {
    expect(normalizeSearchTerm('d’Aubigné – Saint‑Just')).toBe("d'aubigne - saint-just");
  });

  it('removes LIKE wildcards and trims, so a stray % never matches everything', () => {
    expect(normalizeSearchTerm('  50% _Dupont*\\ ')).toBe('50 dupont');
    expect(normalizeSearchTerm('%')).toBe('');
  });
});
