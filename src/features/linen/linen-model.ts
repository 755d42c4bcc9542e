/**
 * The Linge page's view of the data: each gîte's articles with the week's need beside them,
 * and the warnings, worst first. Pure.
 */

export interface LinenStock {
  id: string;
  gite_id: string;
  article: string;
  quantite_en_service: number;
  quantite_propre: number;
  quantite_sale: number;
  seuil_alerte: number;
  besoin_par_sejour: number;
  besoin_par_personne: number;
}

export interface LinenForecast {
  stock_id: string;
  besoin: number;
  manque: number;
  arrivees: number;
}

export interface LinenGite {
  id: string;
  nom: string;
}

export interface LinenLine {
  stock: LinenStock;
  /** What the arrivals of the next 7 days need (0 when none arrives). */
  need: number;
  shortfall: number;
}

export type LinenWarning =
  | { kind: 'shortfall'; line: LinenLine; gite: string }
  | { kind: 'threshold'; line: LinenLine; gite: string };

export interface LinenView {
  gites: Array<{ gite: LinenGite; lines: LinenLine[] }>;
  warnings: LinenWarning[];
}

export function linenView(
  gites: readonly LinenGite[],
  stocks: readonly LinenStock[],
  forecast: readonly LinenForecast[],
): LinenView {
  const byStock = new Map(forecast.map((row) => [row.stock_id, row]));
  const names = new Map(gites.map((gite) => [gite.id, gite.nom]));
  const lines = stocks.map((stock) => {
    const row = byStock.get(stock.id);
    return { stock, need: row?.besoin ?? 0, shortfall: row?.manque ?? 0 };
  });
  const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
  const warnings: LinenWarning[] = [];
  for (const line of lines) {
    const gite = names.get(line.stock.gite_id) ?? '';
    if (line.shortfall > 0) warnings.push({ kind: 'shortfall', line, gite });
    else if (line.stock.quantite_propre < line.stock.seuil_alerte) {
      warnings.push({ kind: 'threshold', line, gite });
    }
  }
  warnings.sort(
    (a, b) =>
      (a.kind === b.kind ? 0 : a.kind === 'shortfall' ? -1 : 1) ||
      b.line.shortfall - a.line.shortfall ||
      collator.compare(a.gite, b.gite) ||
      collator.compare(a.line.stock.article, b.line.stock.article),
  );
  return {
    gites: gites.map((gite) => ({
      gite,
      lines: lines
        .filter((line) => line.stock.gite_id === gite.id)
        .sort((a, b) => collator.compare(a.stock.article, b.stock.article)),
    })),
    warnings,
  };
}
