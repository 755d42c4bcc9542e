import { describe, expect, it } from 'vitest';
import { type LinenStock, linenView } from '@/features/linen/linen-model';

function stock(
  partial: Partial<LinenStock> & Pick<LinenStock, 'id' | 'gite_id' | 'article'>,
): LinenStock {
  return {
    quantite_en_service: 0,
    quantite_propre: 0,
    quantite_sale: 0,
    seuil_alerte: 0,
    besoin_par_sejour: 0,
    besoin_par_personne: 0,
    ...partial,
  };
}

describe('linen view', () => {
  const gites = [
    { id: 'g1', nom: 'Le Moulin' },
    { id: 'g2', nom: 'La Grange' },
  ];
  const stocks = [
    stock({ id: 's1', gite_id: 'g1', article: 'Serviettes', quantite_propre: 3, seuil_alerte: 6 }),
    stock({ id: 's2', gite_id: 'g1', article: 'Draps 140', quantite_propre: 4 }),
    stock({ id: 's3', gite_id: 'g2', article: 'Draps 90', quantite_propre: 1 }),
    stock({ id: 's4', gite_id: 'g2', article: 'Housses', quantite_propre: 9, seuil_alerte: 2 }),
  ];
  const forecast = [
    { stock_id: 's2', besoin: 6, manque: 2, arrivees: 2 },
    { stock_id: 's3', besoin: 4, manque: 3, arrivees: 1 },
    { stock_id: 's4', besoin: 3, manque: 0, arrivees: 1 },
  ];

  it('groups articles by gîte, by name, with the week’s need', () => {
    const view = linenView(gites, stocks, forecast);
    expect(
      view.gites.map((g) => [g.gite.nom, g.lines.map((l) => [l.stock.article, l.need])]),
    ).toEqual([
      [
        'Le Moulin',
        [
          ['Draps 140', 6],
          ['Serviettes', 0],
        ],
      ],
      [
        'La Grange',
        [
          ['Draps 90', 4],
          ['Housses', 3],
        ],
      ],
    ]);
  });

  it('warns about shortfalls first, largest first, then stocks under their threshold', () => {
    const view = linenView(gites, stocks, forecast);
    expect(view.warnings.map((w) => [w.kind, w.gite, w.line.stock.article])).toEqual([
      ['shortfall', 'La Grange', 'Draps 90'],
      ['shortfall', 'Le Moulin', 'Draps 140'],
      ['threshold', 'Le Moulin', 'Serviettes'],
    ]);
  });

  it('has nothing to say when the clean stock covers the week', () => {
    expect(linenView(gites, [stocks[3] as LinenStock], forecast).warnings).toEqual([]);
  });
});
