import type { BasisPoints, Cents } from '@/features/fiscalite/money';

/**
 * THE tax rules of furnished holiday rentals (LMNP, BIC non professionnel), by year of income.
 * Every figure the engine uses is in this one table; each carries its legal source. Where a
 * figure could not be confirmed from a source, the comment says « À CONFIRMER ».
 *
 * Sources used throughout (abbreviations):
 *  - CGI 50-0: code général des impôts, art. 50-0 (régime des micro-entreprises, « micro-BIC »).
 *    Its 1 sets, for the year N, ceilings of turnover (chiffre d'affaires hors taxes) that must
 *    not be exceeded « l'année civile précédente ou la pénultième année » (N-1 or N-2), and the
 *    abatements; « Ces abattements ne peuvent être inférieurs à 305 € ».
 *  - LF 2024: loi n° 2023-1322 du 29 décembre 2023 de finances pour 2024, art. 45 (meublés de
 *    tourisme non classés: 15 000 € / 30 %, from 2023 income).
 *  - BOFiP 14/02/2024: BOI-BIC-CHAMP-40-20 § 55 — tolerance letting 2023 income keep the rules
 *    before LF 2024; ANNULLED by Conseil d'État, 8e ch., 8 juillet 2024, n° 492382 et 492582.
 *  - Le Meur: loi n° 2024-1039 du 19 novembre 2024 visant à renforcer les outils de
 *    régulation des meublés de tourisme à l'échelle locale, art. 7: for 2024 income, art. 50-0
 *    applies « dans sa rédaction antérieure à la loi de finances pour 2024 »; from 2025 income,
 *    non-classified meublés de tourisme 15 000 € / 30 %, classified ones 77 700 € / 50 %.
 *  - Chambres d'hôtes from 2025 income: 77 700 € / 50 % (category 2° of CGI 50-0, not the
 *    188 700 € « fourniture de logement » one): RM Sénat n° 03822 (Weber) du 1er septembre
 *    2025; CE 16 septembre 2025 n° 505228; CE 13 janvier 2026 n° 509207.
 *  - Ceilings 188 700 € / 77 700 € for 2023–2025: décret n° 2023-422 du 31 mai 2023 (triennial
 *    update, CGI 50-0 1 last paragraph). 203 100 € / 83 600 € for 2026–2028: next triennial
 *    update, published by URSSAF / service-public.fr in February 2026 — À CONFIRMER against the
 *    text that enacts it (it was announced before the loi de finances pour 2026 carried it).
 *  - Prélèvements sociaux on LMNP income (revenus du patrimoine, CSS L136-6): 17.2 % (CSG 9.2 +
 *    CRDS 0.5 + prélèvement de solidarité 7.5) up to 2024 income; 18.6 % from 2025 income,
 *    the CSG on revenus du patrimoine going from 9.2 % to 10.6 % (CSS L136-8; loi n° 2025-1403
 *    du 30 décembre 2025 de financement de la sécurité sociale pour 2026, art. 12; revenus
 *    fonciers, i.e. UNfurnished rentals, stay at 17.2 %).
 *  - URSSAF: CSS L613-1 6° — a household whose furnished-rental receipts exceed 23 000 € a
 *    year and that rents meublés de tourisme (short stays, guests not living there) is
 *    affiliated to the social security of the self-employed: social COTISATIONS on the income
 *    replace the prélèvements sociaux. CSS L613-1 7° — chambres d'hôtes: affiliated once the
 *    taxable income of the activity exceeds 13 % of the PASS (plafond annuel de la sécurité
 *    sociale: 43 992 € in 2023, 46 368 € in 2024, 47 100 € in 2025, 48 060 € in 2026).
 */

/** The gîte's tax category, as stored in `gites.categorie_fiscale`. */
export type GiteCategory =
  | 'meuble_tourisme_classe'
  | 'meuble_tourisme_non_classe'
  | 'chambre_hotes'
  | 'meuble_longue_duree';

export const GITE_CATEGORIES: readonly GiteCategory[] = [
  'meuble_tourisme_classe',
  'meuble_tourisme_non_classe',
  'chambre_hotes',
  'meuble_longue_duree',
];

/**
 * The legal categories of CGI 50-0 1, each with its ceiling and abatement:
 *  - 'lodging'      — 1°: « fournir le logement » (classified meublés de tourisme and chambres
 *                    d'hôtes until 2024 income);
 *  - 'unclassified' — 1° bis: meublés de tourisme non classés (from LF 2024);
 *  - 'services'     — 2°: « autres entreprises », i.e. every other furnished rental.
 */
export type MicroTier = 'lodging' | 'unclassified' | 'services';

export interface TierRule {
  ceiling: Cents;
  abatement: BasisPoints;
}

export interface YearRules {
  year: TaxYear;
  /** Which legal category each gîte category falls in this year. */
  tierOf: Record<GiteCategory, MicroTier>;
  /** Ceiling and abatement of each legal category used this year. */
  tiers: Partial<Record<MicroTier, TierRule>>;
  /** CGI 50-0 1: « Ces abattements ne peuvent être inférieurs à 305 € ». */
  minimumAbatement: Cents;
  /** Prélèvements sociaux on LMNP income not subject to cotisations. */
  prelevementsSociaux: BasisPoints;
  /** CSS L613-1 6°: furnished-rental receipts above which a meublé de tourisme owner pays cotisations. */
  urssafTourismReceipts: Cents;
  /** CSS L613-1 7°: chambres d'hôtes taxable income above 13 % of the PASS → cotisations. */
  chambresHotesAffiliationIncome: Cents;
  /** Receipts at or above this share of a ceiling raise the "approaching" warning (app rule). */
  ceilingWarningShare: BasisPoints;
  /** Facts the UI must show with this year's results (plain French, built once here). */
  notices: readonly string[];
}

export type TaxYear = 2023 | 2024 | 2025 | 2026;

/**
 * Bump on ANY change of this table (a figure, a mapping, a notice): it is part of the saved
 * simulations' key (simulation-key.ts), so results computed under old rules become stale.
 */
export const RULES_VERSION = 1;

export const TAX_YEARS: readonly TaxYear[] = [2023, 2024, 2025, 2026];

const MINIMUM_ABATEMENT: Cents = 305_00; // CGI 50-0 1, unchanged since 2009
const URSSAF_TOURISM_RECEIPTS: Cents = 23_000_00; // CSS L613-1 6° (introduced by the LFSS 2017, art. 18 — article number À CONFIRMER)
const CEILING_WARNING_SHARE: BasisPoints = 8000; // the app warns from 80 % of a ceiling (not a legal figure)

/** 13 % of the PASS (CSS L613-1 7°), to the euro. */
function thirteenPercentOfPass(pass: Cents): Cents {
  return Math.round((pass * 13) / 100 / 100) * 100;
}

// Shorthands for the tier tables below.
const T = (ceilingEuros: number, abatementPercent: number): TierRule => ({
  ceiling: ceilingEuros * 100,
  abatement: abatementPercent * 100,
});

export const RULES: Readonly<Record<TaxYear, YearRules>> = {
  /**
   * 2023 income: CGI 50-0 as written by LF 2024 art. 45, which applied from 2023 income
   * (loi n° 2023-1322, art. 1er: no specific date, so the 2023 income tax). The BOFiP tolerance
   * of 14/02/2024 that let 2023 income keep the old rules (non classé 77 700 € / 50 %) was
   * annulled by CE 8 juillet 2024 n° 492382 — but most 2023 returns were filed before that,
   * under the tolerance: see RULES_2023_TOLERANCE below, which the engine applies on request.
   * Not simulated: LF 2024's extra 21 % abatement (92 % in all) for classified meublés outside
   * « zones tendues » with at most 15 000 € of receipts — its conditions (zone of the commune,
   * year of the receipts tested) are not in our data; it appears as a notice.
   */
  2023: {
    year: 2023,
    tierOf: {
      meuble_tourisme_classe: 'lodging',
      chambre_hotes: 'lodging',
      meuble_tourisme_non_classe: 'unclassified',
      meuble_longue_duree: 'services',
    },
    tiers: { lodging: T(188_700, 71), unclassified: T(15_000, 30), services: T(77_700, 50) },
    minimumAbatement: MINIMUM_ABATEMENT,
    prelevementsSociaux: 1720, // CSS L136-8: 9.2 + 0.5 + 7.5
    urssafTourismReceipts: URSSAF_TOURISM_RECEIPTS,
    chambresHotesAffiliationIncome: thirteenPercentOfPass(43_992_00), // PASS 2023
    ceilingWarningShare: CEILING_WARNING_SHARE,
    notices: [
      'Revenus 2023 : règles de la loi de finances pour 2024 (meublé de tourisme non classé : 30 % jusqu’à 15 000 €). La tolérance de l’administration qui permettait de garder 50 % jusqu’à 77 700 € a été annulée par le Conseil d’État le 8 juillet 2024.',
      'Revenus 2023 : un abattement supplémentaire de 21 % existait pour les meublés classés hors zone tendue dont les recettes ne dépassaient pas 15 000 € ; il n’est pas simulé ici.',
    ],
  },
  /** 2024 income: CGI 50-0 before LF 2024, restored for 2024 income by Le Meur art. 7. */
  2024: {
    year: 2024,
    tierOf: {
      meuble_tourisme_classe: 'lodging',
      chambre_hotes: 'lodging',
      meuble_tourisme_non_classe: 'services',
      meuble_longue_duree: 'services',
    },
    tiers: { lodging: T(188_700, 71), services: T(77_700, 50) },
    minimumAbatement: MINIMUM_ABATEMENT,
    prelevementsSociaux: 1720,
    urssafTourismReceipts: URSSAF_TOURISM_RECEIPTS,
    chambresHotesAffiliationIncome: thirteenPercentOfPass(46_368_00), // PASS 2024
    ceilingWarningShare: CEILING_WARNING_SHARE,
    notices: [
      'Revenus 2024 : la loi Le Meur du 19 novembre 2024 a rétabli les règles antérieures (meublé classé et chambre d’hôtes : 71 % jusqu’à 188 700 € ; non classé : 50 % jusqu’à 77 700 €).',
    ],
  },
  /** 2025 income: Le Meur art. 7; chambres d'hôtes in category 2° (RM Weber, CE n° 505228). */
  2025: {
    year: 2025,
    tierOf: {
      meuble_tourisme_classe: 'services',
      chambre_hotes: 'services',
      meuble_tourisme_non_classe: 'unclassified',
      meuble_longue_duree: 'services',
    },
    tiers: { unclassified: T(15_000, 30), services: T(77_700, 50) },
    minimumAbatement: MINIMUM_ABATEMENT,
    prelevementsSociaux: 1860, // LFSS 2026 art. 12: CSG 10.6 on revenus du patrimoine from 2025 income
    urssafTourismReceipts: URSSAF_TOURISM_RECEIPTS,
    chambresHotesAffiliationIncome: thirteenPercentOfPass(47_100_00), // PASS 2025
    ceilingWarningShare: CEILING_WARNING_SHARE,
    notices: [
      'Revenus 2025 : loi Le Meur — meublé de tourisme non classé 30 % jusqu’à 15 000 € ; meublé classé et chambre d’hôtes 50 % jusqu’à 77 700 €.',
      'Revenus 2025 : les prélèvements sociaux sur les revenus de location meublée passent à 18,6 % (loi de financement de la sécurité sociale pour 2026).',
    ],
  },
  /**
   * 2026 income: Le Meur rules with the 2026–2028 triennial update of the ceilings (83 600 €
   * for category 2° — À CONFIRMER, see the header). À CONFIRMER: whether the 15 000 € of
   * category 1° bis is updated too; no source found says so, it is kept at 15 000 €.
   */
  2026: {
    year: 2026,
    tierOf: {
      meuble_tourisme_classe: 'services',
      chambre_hotes: 'services',
      meuble_tourisme_non_classe: 'unclassified',
      meuble_longue_duree: 'services',
    },
    tiers: { unclassified: T(15_000, 30), services: T(83_600, 50) },
    minimumAbatement: MINIMUM_ABATEMENT,
    prelevementsSociaux: 1860,
    urssafTourismReceipts: URSSAF_TOURISM_RECEIPTS,
    chambresHotesAffiliationIncome: thirteenPercentOfPass(48_060_00), // PASS 2026
    ceilingWarningShare: CEILING_WARNING_SHARE,
    notices: [
      'Revenus 2026 : plafond de 83 600 € pour les meublés classés, chambres d’hôtes et locations longue durée (actualisation triennale) ; 15 000 € pour les non classés.',
    ],
  },
};

/**
 * 2023 income under the BOFiP tolerance of 14/02/2024 (the rules before LF 2024), which the
 * Conseil d'État annulled on 8 July 2024 (n° 492382). Kept because most 2023 returns were
 * filed with it before the annulment: a UI may show "what was declared". Never the default.
 */
export const RULES_2023_TOLERANCE: YearRules = {
  ...RULES[2023],
  tierOf: RULES[2024].tierOf,
  tiers: RULES[2024].tiers,
  notices: [
    'Revenus 2023 selon la tolérance administrative du 14 février 2024 (règles antérieures à la loi de finances pour 2024), annulée depuis par le Conseil d’État (8 juillet 2024, n° 492382).',
  ],
};

export function isTaxYear(year: number): year is TaxYear {
  return (TAX_YEARS as readonly number[]).includes(year);
}

export class UnsupportedTaxYearError extends Error {
  constructor(readonly year: number) {
    super(`no tax rules for ${year} income (known: ${TAX_YEARS.join(', ')})`);
    this.name = 'UnsupportedTaxYearError';
  }
}

/** The rules of a year of income; throws for a year the table does not know (never guesses). */
export function rulesFor(year: number): YearRules {
  if (!isTaxYear(year)) throw new UnsupportedTaxYearError(year);
  return RULES[year];
}

/** French names of the categories, for explanations. */
export const CATEGORY_LABELS: Readonly<Record<GiteCategory, string>> = {
  meuble_tourisme_classe: 'meublé de tourisme classé',
  meuble_tourisme_non_classe: 'meublé de tourisme non classé',
  chambre_hotes: 'chambre d’hôtes',
  meuble_longue_duree: 'location meublée longue durée',
};

/** Is the category a meublé de tourisme in the sense of CSS L613-1 6° (short stays)? */
export function isTourismRental(category: GiteCategory): boolean {
  return category === 'meuble_tourisme_classe' || category === 'meuble_tourisme_non_classe';
}
