import type { DeficitCarry } from '@/features/fiscalite/carry-forward';
import { listCategories } from '@/features/fiscalite/ceiling-warning';
import { fiscaliteMessages as m } from '@/features/fiscalite/messages';
import type { EligibilityYear, MicroLine } from '@/features/fiscalite/micro-bic';
import { type Cents, formatWholeEuros as eur, formatRate, sum } from '@/features/fiscalite/money';
import type { ChargeKind } from '@/features/fiscalite/regime-reel';
import type { Regime, RegimeOutcome, SimulationResult } from '@/features/fiscalite/simulation';
import type { SocialContributions } from '@/features/fiscalite/social';

/**
 * The simulation in plain French, every sentence built from the result's numbers (amounts in
 * whole euros as on the tax form, fr-FR), so a UI shows it as is and a test can pin it.
 */
export interface Explanation {
  /** The answer: which régime is cheaper this year, and by how much. */
  conclusion: string;
  micro: string[];
  reel: string[];
  social: string[];
  /** Ceilings approached or passed, LMP status, deficits lost. */
  warnings: string[];
  /** Facts of the year's rules (transitions, rate changes). */
  notices: readonly string[];
}

const regimeName = (regime: Regime) => m.regime[regime];

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function microLine(line: MicroLine, minimum: Cents): string {
  const abatement = line.minimumApplied
    ? `abattement minimum de ${eur(minimum)}${line.abatement < minimum ? ', limité aux recettes' : ''} (${eur(line.abatement)})`
    : `abattement de ${formatRate(line.rate)} (${eur(line.abatement)})`;
  return `${capitalize(listCategories(line.categories))} : ${eur(line.receipts)} de recettes − ${abatement} = ${eur(line.net)}.`;
}

function whyMicroUnavailable(year: number, basis: readonly EligibilityYear[]): string {
  const parts = basis.map((y) => {
    const over = y.checks.find((c) => c.exceeded);
    const details = [
      over ? `${eur(over.receipts)} pour un plafond de ${eur(over.ceiling)}` : '',
      y.assumed ? `recettes inconnues : celles de ${year} sont retenues` : '',
    ].filter(Boolean);
    return details.length > 0 ? `${y.year} (${details.join(', ')})` : `${y.year}`;
  });
  return `Le micro-BIC n’est pas possible en ${year} : le plafond de recettes a été dépassé en ${parts.join(' et en ')}.`;
}

function deficitsTotal(deficits: readonly DeficitCarry[]): Cents {
  return sum(deficits.map((d) => d.amount));
}

function explainMicro(result: SimulationResult): string[] {
  const { micro, rules, year } = result;
  const out = result.outcomes.micro_bic;
  if (micro.lines.length === 0) return [`Aucune recette en ${year}.`];
  const lines = micro.lines.map((l) => microLine(l, rules.minimumAbatement));
  if (!micro.eligibility.available)
    lines.unshift(whyMicroUnavailable(year, micro.eligibility.basis));
  const used = deficitsTotal(out.pastDeficitsUsed);
  lines.push(
    used > 0
      ? `Revenu imposable au micro-BIC : ${eur(micro.net)} − ${eur(used)} de déficits antérieurs = ${eur(out.taxable)}.`
      : `Revenu imposable au micro-BIC : ${eur(out.taxable)}.`,
  );
  return lines;
}

function explainReel(result: SimulationResult): string[] {
  const { reel, vehicle } = result;
  const lines = [`Recettes : ${eur(reel.receipts)}.`];
  const kinds = Object.entries(reel.chargesByKind) as [ChargeKind, Cents][];
  if (kinds.length > 0) {
    const detail = kinds.map(([kind, amount]) => `${m.chargeKinds[kind]} ${eur(amount)}`);
    lines.push(`Charges déductibles : ${eur(reel.charges)} (${detail.join(', ')}).`);
  }
  if (vehicle) {
    lines.push(
      `Véhicule : ${eur(vehicle.actualCosts)} de frais réels × ${formatRate(vehicle.businessShare)} de kilomètres professionnels (${vehicle.businessKm.toLocaleString('fr-FR')} km sur ${vehicle.totalKm.toLocaleString('fr-FR')} km) = ${eur(vehicle.deductible)}.`,
    );
  }
  lines.push(`Résultat avant amortissements : ${eur(reel.resultBeforeDepreciation)}.`);
  const d = reel.depreciation;
  if (d.ofYear + d.carriedIn > 0) {
    const carried =
      d.carriedIn > 0 ? ` et ${eur(d.carriedIn)} reportés des années précédentes` : '';
    const deferred =
      d.carriedOut > 0
        ? ` ; ${eur(d.carriedOut)} ne peuvent pas créer ni augmenter un déficit et sont reportés sur les années suivantes, sans limite de durée`
        : '';
    lines.push(
      `Amortissements : ${eur(d.ofYear)} de l’année${carried}, ${eur(d.deducted)} déduits${deferred}.`,
    );
  }
  if (reel.deficitOfYear > 0) {
    lines.push(
      `Déficit de l’année : ${eur(reel.deficitOfYear)}, à déduire de vos revenus de location meublée des dix années suivantes (pas de vos autres revenus).`,
    );
  }
  const used = deficitsTotal(reel.pastDeficits.used);
  if (used > 0) lines.push(`Déficits antérieurs déduits : ${eur(used)}.`);
  lines.push(`Revenu imposable au régime réel : ${eur(reel.taxable)}.`);
  return lines;
}

function socialSentence(social: SocialContributions): string {
  if (social.scheme === 'prelevements_sociaux') {
    return `prélèvements sociaux (${formatRate(social.rate ?? 0)}) ${eur(social.amount ?? 0)}`;
  }
  return 'cotisations sociales URSSAF (non estimées ici)';
}

function explainSocial(result: SimulationResult): string[] {
  const { micro_bic: micro, reel } = result.outcomes;
  const lines: string[] = [];
  const reasons = new Set([micro.social.reason, reel.social.reason]);
  if (reasons.has('tourism_receipts')) {
    lines.push(
      `Vos recettes de location meublée de tourisme dépassent ${eur(result.rules.urssafTourismReceipts)} : vous relevez de la sécurité sociale des indépendants et payez des cotisations sociales (URSSAF) au lieu des prélèvements sociaux.`,
    );
  }
  if (reasons.has('chambres_hotes_income')) {
    lines.push(
      `Le revenu de vos chambres d’hôtes dépasse ${eur(result.rules.chambresHotesAffiliationIncome)} (13 % du plafond de la sécurité sociale) : il est soumis aux cotisations sociales (URSSAF).`,
    );
  }
  if (
    micro.social.scheme === 'prelevements_sociaux' &&
    reel.social.scheme === 'prelevements_sociaux'
  ) {
    lines.push(
      `Prélèvements sociaux (${formatRate(micro.social.rate ?? 0)}) : ${eur(micro.social.amount ?? 0)} au micro-BIC, ${eur(reel.social.amount ?? 0)} au régime réel.`,
    );
  } else {
    lines.push(
      `Au micro-BIC : ${socialSentence(micro.social)} ; au régime réel : ${socialSentence(reel.social)}.`,
    );
  }
  if (micro.incomeTax !== null && reel.incomeTax !== null) {
    lines.push(
      `Impôt sur le revenu à votre tranche marginale : environ ${eur(micro.incomeTax)} au micro-BIC, ${eur(reel.incomeTax)} au régime réel.`,
    );
  }
  return lines;
}

function conclusion(result: SimulationResult): string {
  const { comparison: c, year } = result;
  const { micro_bic: micro, reel } = result.outcomes;
  if (c.basis === 'micro_unavailable') {
    return `Le régime réel s’applique en ${year} : le micro-BIC n’est pas possible. Revenu imposable : ${eur(reel.taxable)}.`;
  }
  if (c.cheaper === 'equal') {
    return `Les deux régimes donnent le même résultat en ${year} (${eur(reel.taxable)} imposables) : le micro-BIC est le plus simple.${reelCarryExtra(result)}`;
  }
  const winner: RegimeOutcome = c.cheaper === 'reel' ? reel : micro;
  const loser: RegimeOutcome = c.cheaper === 'reel' ? micro : reel;
  const name = regimeName(winner.regime);
  const head = `Le ${name} est le moins cher en ${year}`;
  let sentence: string;
  if (c.basis === 'cost' && c.costDifference !== null) {
    sentence = `${head} : environ ${eur(c.costDifference)} d’impôt et de prélèvements sociaux en moins (${eur(c.taxableDifference)} de revenu imposable en moins).`;
  } else {
    const socialGap =
      winner.social.amount !== null && loser.social.amount !== null
        ? ` et ${eur(loser.social.amount - winner.social.amount)} de prélèvements sociaux en moins`
        : '';
    sentence = `${head} : ${eur(c.taxableDifference)} de revenu imposable en moins${socialGap}.`;
  }
  if (winner.regime === 'reel') {
    sentence +=
      ' Le régime réel se choisit par option et demande une comptabilité (déclaration 2031).';
  } else {
    sentence += reelCarryExtra(result);
  }
  return sentence;
}

/**
 * What the réel would leave for later years beyond what the micro-BIC leaves (its deficit,
 * its deferred depreciation): a single year's comparison does not count it, the owner should
 * know it. Empty when there is nothing more.
 */
function reelCarryExtra(result: SimulationResult): string {
  const { micro_bic: micro, reel } = result.outcomes;
  const deficits = deficitsTotal(reel.carryOut.deficits) - deficitsTotal(micro.carryOut.deficits);
  const depreciation = reel.carryOut.deferredDepreciation - micro.carryOut.deferredDepreciation;
  const parts = [
    deficits > 0 ? `${eur(deficits)} de déficit` : '',
    depreciation > 0 ? `${eur(depreciation)} d’amortissements` : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  return ` Mais le régime réel laisserait en plus ${parts.join(' et ')} à déduire les années suivantes.`;
}

function explainWarnings(result: SimulationResult): string[] {
  const lines = result.warnings.map((w) => w.message);
  if (result.renterStatus === 'lmp') {
    lines.push(
      'Vos recettes dépassent 23 000 € et les autres revenus professionnels de votre foyer : vous êtes loueur en meublé professionnel (LMP), un cas que cette simulation ne couvre pas.',
    );
  } else if (result.renterStatus === 'unknown') {
    lines.push(
      'Vos recettes dépassent 23 000 € : si elles dépassent aussi les autres revenus professionnels de votre foyer, vous êtes loueur en meublé professionnel (LMP), un cas que cette simulation ne couvre pas.',
    );
  }
  const chosen =
    result.comparison.cheaper === 'micro_bic' ? result.outcomes.micro_bic : result.outcomes.reel;
  const expired = deficitsTotal(chosen.pastDeficitsExpired);
  if (expired > 0) {
    lines.push(`${eur(expired)} de déficits antérieurs sont perdus : plus de dix ans.`);
  }
  return lines;
}

export function explain(result: SimulationResult): Explanation {
  return {
    conclusion: conclusion(result),
    micro: explainMicro(result),
    reel: explainReel(result),
    social: explainSocial(result),
    warnings: explainWarnings(result),
    notices: result.rules.notices,
  };
}
