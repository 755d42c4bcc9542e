/**
 * The guest's police registration form (loaded on demand by police-entry.ts): French or
 * English, checked field by field before sending (police-form-rules.ts, the database's own
 * rules), sent in one call to `submit_police_form` with the sheet's token — the database
 * stores the whole form or nothing, and a retry of the same submission records nothing new.
 * Plain DOM, text nodes only. Several guests send one form each from the same page.
 */
import { el } from './dom';
import { guestEnv } from './guest-env';
import type { PoliceContext } from './police-entry';
import {
  COUNTRY_CODES,
  dayBefore,
  emptyDraft,
  type FieldErrors,
  type FieldReason,
  FRENCH_TERRITORIES,
  type PoliceDraft,
  type PoliceField,
  policePayload,
  type SubmitOutcome,
  submitOutcome,
  validatePoliceForm,
} from './police-form-rules';
import type { Lang } from './sheet-answer';

const RPC_PATH = '/rest/v1/rpc/submit_police_form';

type FieldKind = 'text' | 'date' | 'nationality' | 'country' | 'tel' | 'email' | 'number';

const FIELDS: ReadonlyArray<{ name: PoliceField; kind: FieldKind; autocomplete?: string }> = [
  { name: 'nom', kind: 'text', autocomplete: 'family-name' },
  { name: 'prenoms', kind: 'text', autocomplete: 'given-name' },
  { name: 'date_naissance', kind: 'date', autocomplete: 'bday' },
  { name: 'lieu_naissance', kind: 'text' },
  { name: 'nationalite', kind: 'nationality' },
  { name: 'adresse', kind: 'text', autocomplete: 'street-address' },
  { name: 'code_postal', kind: 'text', autocomplete: 'postal-code' },
  { name: 'ville', kind: 'text', autocomplete: 'address-level2' },
  { name: 'pays', kind: 'country', autocomplete: 'country' },
  { name: 'telephone', kind: 'tel', autocomplete: 'tel' },
  { name: 'email', kind: 'email', autocomplete: 'email' },
  { name: 'date_arrivee', kind: 'date' },
  { name: 'date_depart', kind: 'date' },
  { name: 'enfants_moins_15', kind: 'number' },
];

/** What another guest of the same party probably shares: kept for the next form. */
const SHARED: readonly PoliceField[] = [
  'adresse',
  'code_postal',
  'ville',
  'pays',
  'date_arrivee',
  'date_depart',
];

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

function day(iso: string, lang: Lang): string {
  const [y, mo, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, mo - 1, d)),
  );
}

const messages = {
  fr: {
    labels: {
      nom: 'Nom',
      prenoms: 'Prénoms',
      date_naissance: 'Date de naissance',
      lieu_naissance: 'Lieu de naissance (ville, pays)',
      nationalite: 'Nationalité',
      adresse: 'Adresse du domicile habituel',
      code_postal: 'Code postal (facultatif)',
      ville: 'Ville',
      pays: 'Pays de résidence',
      telephone: 'Téléphone mobile',
      email: 'E-mail',
      date_arrivee: 'Date d’arrivée',
      date_depart: 'Date de départ prévue',
      enfants_moins_15: 'Enfants de moins de 15 ans qui vous accompagnent',
    } as Record<PoliceField, string>,
    choose: 'Choisir…',
    intro:
      'Une fiche par voyageur de 15 ans ou plus. Tous les champs sont obligatoires, sauf le code postal.',
    privacy:
      'Votre hôte conserve cette fiche 6 mois (CESEDA, art. R.814-1) et ne la remet qu’à la police ou à la gendarmerie, à leur demande. Vous pouvez la consulter ou la faire corriger auprès de votre hôte.',
    send: 'Envoyer ma fiche',
    sending: 'Envoi…',
    fix: (n: number) => (n === 1 ? 'Un champ est à corriger.' : `${n} champs sont à corriger.`),
    sent: (name: string) => `Merci : la fiche de ${name} a bien été envoyée à votre hôte.`,
    sentList: 'Fiches envoyées depuis cet appareil :',
    another: 'Remplir la fiche d’un autre voyageur',
    offline:
      'Pas de connexion : votre fiche n’a pas été envoyée. Reconnectez-vous, puis appuyez de nouveau sur « Envoyer ma fiche ».',
    closed:
      'Ce lien n’est plus valable : la fiche ne peut plus être envoyée. Contactez votre hôte.',
    tooMany: 'Ce séjour a déjà trop de fiches. Contactez votre hôte.',
    failed: 'La fiche n’a pas pu être envoyée. Réessayez dans un instant.',
    reasons: {
      required: 'Champ obligatoire.',
      too_long: 'Trop long.',
      invalid: 'Valeur invalide.',
      too_young:
        'Moins de 15 ans : cet enfant figure sur la fiche d’un adulte qui l’accompagne (nombre d’enfants).',
      french: 'Les voyageurs de nationalité française n’ont pas de fiche à remplir.',
      outside_stay: 'En dehors de votre séjour.',
      before_arrival: 'Le départ doit suivre l’arrivée.',
    } as Record<FieldReason, string>,
    invalid: {
      date_naissance: 'Date invalide.',
      date_arrivee: 'Date invalide.',
      date_depart: 'Date invalide.',
      nationalite: 'Choisissez un pays dans la liste.',
      pays: 'Choisissez un pays dans la liste.',
      telephone: 'Numéro invalide : chiffres et espaces, avec l’indicatif du pays (+44…).',
      email: 'Adresse e-mail invalide.',
      enfants_moins_15: 'Un nombre de 0 à 20.',
    } as Partial<Record<PoliceField, string>>,
    arrivalRange: (from: string, to: string) => `Entre le ${from} et le ${to}.`,
    departureMax: (last: string) => `Le ${last} au plus tard.`,
  },
  en: {
    labels: {
      nom: 'Surname',
      prenoms: 'First names',
      date_naissance: 'Date of birth',
      lieu_naissance: 'Place of birth (town, country)',
      nationalite: 'Nationality',
      adresse: 'Home address',
      code_postal: 'Postcode (optional)',
      ville: 'Town or city',
      pays: 'Country of residence',
      telephone: 'Mobile phone',
      email: 'Email',
      date_arrivee: 'Arrival date',
      date_depart: 'Planned departure date',
      enfants_moins_15: 'Children under 15 travelling with you',
    } as Record<PoliceField, string>,
    choose: 'Choose…',
    intro: 'One form per guest aged 15 or over. Every field is required except the postcode.',
    privacy:
      'Your host keeps this form for 6 months (French CESEDA, art. R.814-1) and gives it only to the police or gendarmerie, at their request. You may see it or have it corrected by asking your host.',
    send: 'Send my form',
    sending: 'Sending…',
    fix: (n: number) => (n === 1 ? 'One field needs correcting.' : `${n} fields need correcting.`),
    sent: (name: string) => `Thank you: ${name}’s form has been sent to your host.`,
    sentList: 'Forms sent from this device:',
    another: 'Fill in another guest’s form',
    offline: 'No connection: your form was not sent. Reconnect, then press “Send my form” again.',
    closed: 'This link is no longer valid: the form cannot be sent. Please contact your host.',
    tooMany: 'This stay already has too many forms. Please contact your host.',
    failed: 'The form could not be sent. Please try again in a moment.',
    reasons: {
      required: 'Required.',
      too_long: 'Too long.',
      invalid: 'Invalid value.',
      too_young:
        'Under 15: this child goes on the form of an adult travelling with them (number of children).',
      french: 'French nationals do not fill in a police form.',
      outside_stay: 'Outside your stay.',
      before_arrival: 'Departure must come after arrival.',
    } as Record<FieldReason, string>,
    invalid: {
      date_naissance: 'Invalid date.',
      date_arrivee: 'Invalid date.',
      date_depart: 'Invalid date.',
      nationalite: 'Choose a country from the list.',
      pays: 'Choose a country from the list.',
      telephone: 'Invalid number: digits and spaces, with the country code (+44…).',
      email: 'Invalid email address.',
      enfants_moins_15: 'A number from 0 to 20.',
    } as Partial<Record<PoliceField, string>>,
    arrivalRange: (from: string, to: string) => `Between ${from} and ${to}.`,
    departureMax: (last: string) => `${last} at the latest.`,
  },
};

/** What the page keeps between renders (per sheet token): the form survives a language switch. */
interface FormState {
  draft: PoliceDraft;
  errors: FieldErrors;
  /** Made when a draft is first sent, kept for its retries, dropped once it is recorded. */
  submissionId: string | null;
  sending: boolean;
  notice: { tone: 'error' | 'success'; text: (lang: Lang) => string } | null;
  sent: string[];
  /** The name on the form just recorded, while its confirmation is shown. */
  confirmed: string | null;
}

const states = new Map<string, FormState>();

/** A random v4 UUID (crypto.randomUUID needs a secure context; getRandomValues does not). */
function newUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(
    now.getDate(),
  ).padStart(2, '0')}`;
}

function countryOptions(
  lang: Lang,
  codes: readonly string[],
  selected: string,
): HTMLOptionElement[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([LOCALES[lang]], { type: 'region' });
  } catch {
    // an old browser: the codes themselves
  }
  return codes
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, LOCALES[lang]))
    .map(({ code, name }) => {
      const option = el('option', { value: code }, name);
      option.selected = code === selected;
      return option;
    });
}

function errorText(
  field: PoliceField,
  reason: FieldReason,
  lang: Lang,
  ctx: PoliceContext,
): string {
  const m = messages[lang];
  if (reason === 'invalid') return m.invalid[field] ?? m.reasons.invalid;
  if (reason === 'outside_stay' && ctx.arrivee && ctx.depart) {
    return field === 'date_arrivee'
      ? m.arrivalRange(day(ctx.arrivee, lang), day(dayBefore(ctx.depart), lang))
      : m.departureMax(day(ctx.depart, lang));
  }
  return m.reasons[reason];
}

function outcomeNotice(outcome: SubmitOutcome): FormState['notice'] {
  switch (outcome.kind) {
    case 'closed':
      return { tone: 'error', text: (lang) => messages[lang].closed };
    case 'too_many':
      return { tone: 'error', text: (lang) => messages[lang].tooMany };
    case 'failed':
      return { tone: 'error', text: (lang) => messages[lang].failed };
    default:
      return null;
  }
}

async function send(ctx: PoliceContext, state: FormState): Promise<SubmitOutcome | 'offline'> {
  const env = guestEnv();
  if (!env) return { kind: 'failed' };
  if (!navigator.onLine) return 'offline';
  state.submissionId ??= newUuid();
  let response: Response;
  try {
    response = await fetch(`${env.apiUrl}${RPC_PATH}`, {
      method: 'POST',
      headers: {
        apikey: env.anonKey,
        authorization: `Bearer ${env.anonKey}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        p_token: ctx.token,
        p_submission_id: state.submissionId,
        p_form: policePayload(state.draft, ctx.lang),
      }),
      cache: 'no-store',
    });
  } catch {
    return 'offline';
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: a proxy's error page
  }
  return submitOutcome(response.status, body);
}

export function mountPoliceForm(container: HTMLElement, ctx: PoliceContext): void {
  let state = states.get(ctx.token);
  if (!state) {
    state = {
      draft: emptyDraft(ctx),
      errors: {},
      submissionId: null,
      sending: false,
      notice: null,
      sent: [],
      confirmed: null,
    };
    states.set(ctx.token, state);
  }
  const current = state;
  const { lang } = ctx;
  const m = messages[lang];
  const inputs = new Map<PoliceField, HTMLInputElement | HTMLSelectElement>();

  const render = () => {
    inputs.clear();
    const rows = FIELDS.map(({ name, kind, autocomplete }) => {
      const id = `pf-${name}`;
      const reason = current.errors[name];
      const errorId = `${id}-error`;
      let input: HTMLInputElement | HTMLSelectElement;
      if (kind === 'nationality' || kind === 'country') {
        const codes =
          kind === 'nationality'
            ? COUNTRY_CODES.filter((code) => !FRENCH_TERRITORIES.includes(code))
            : COUNTRY_CODES;
        input = el(
          'select',
          { id, name, autocomplete },
          el('option', { value: '' }, m.choose),
          ...countryOptions(lang, codes, current.draft[name]),
        );
      } else {
        input = el('input', {
          id,
          name,
          type: kind,
          autocomplete: autocomplete ?? 'off',
          inputmode: kind === 'number' ? 'numeric' : undefined,
          min:
            kind === 'number'
              ? '0'
              : name === 'date_naissance'
                ? '1900-01-01'
                : kind === 'date'
                  ? (ctx.arrivee ?? undefined)
                  : undefined,
          max:
            kind === 'number'
              ? '20'
              : name === 'date_naissance'
                ? todayIso()
                : kind === 'date'
                  ? (ctx.depart ?? undefined)
                  : undefined,
        });
        input.value = current.draft[name];
      }
      if (reason) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', errorId);
      }
      const field = name;
      input.addEventListener('input', () => {
        current.draft[field] = input.value;
        // A changed draft is a new submission.
        current.submissionId = null;
      });
      inputs.set(name, input);
      return el(
        'div',
        { class: 'g-field' },
        el('label', { for: id }, m.labels[name]),
        input,
        reason
          ? el('p', { id: errorId, class: 'g-field-error' }, errorText(name, reason, lang, ctx))
          : null,
      );
    });

    const errorCount = Object.keys(current.errors).length;
    const submit = el(
      'button',
      { type: 'submit', class: 'g-button' },
      current.sending ? m.sending : m.send,
    );
    submit.disabled = current.sending;
    const form = el(
      'form',
      { class: 'g-police-form', novalidate: '', 'aria-labelledby': 'g-police-title' },
      el('p', {}, m.intro),
      errorCount > 0
        ? el('p', { class: 'g-alert', role: 'alert' }, m.fix(errorCount))
        : current.notice
          ? el(
              'p',
              {
                class: current.notice.tone === 'success' ? 'g-success' : 'g-alert',
                role: current.notice.tone === 'success' ? 'status' : 'alert',
              },
              current.notice.text(lang),
            )
          : null,
      ...rows,
      el('p', { class: 'g-muted' }, m.privacy),
      submit,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void onSubmit();
    });

    const sentList =
      current.sent.length > 0
        ? el(
            'div',
            { class: 'g-police-sent' },
            el('p', {}, m.sentList),
            el('ul', {}, ...current.sent.map((name) => el('li', {}, name))),
          )
        : null;
    container.replaceChildren(...[sentList, form].filter((node) => node !== null));
  };

  const renderSent = (name: string, focus: boolean) => {
    const another = el('button', { type: 'button', class: 'g-button' }, m.another);
    another.addEventListener('click', () => {
      const next = emptyDraft(ctx);
      for (const field of SHARED) next[field] = current.draft[field];
      current.draft = next;
      current.notice = null;
      current.confirmed = null;
      render();
      inputs.get('nom')?.focus();
    });
    container.replaceChildren(
      el('p', { class: 'g-success', role: 'status' }, messages[lang].sent(name)),
      el(
        'div',
        { class: 'g-police-sent' },
        el('p', {}, m.sentList),
        el('ul', {}, ...current.sent.map((sent) => el('li', {}, sent))),
      ),
      another,
    );
    if (focus) another.focus();
  };

  const focusFirstError = () => {
    const first = FIELDS.find(({ name }) => current.errors[name]);
    if (first) inputs.get(first.name)?.focus();
  };

  const onSubmit = async () => {
    if (current.sending) return;
    current.errors = validatePoliceForm(current.draft, ctx, todayIso());
    current.notice = null;
    if (Object.keys(current.errors).length > 0) {
      render();
      focusFirstError();
      return;
    }
    current.sending = true;
    render();
    const outcome = await send(ctx, current);
    current.sending = false;
    if (outcome === 'offline') {
      current.notice = { tone: 'error', text: (l) => messages[l].offline };
      render();
      return;
    }
    if (outcome.kind === 'sent') {
      const name = `${current.draft.prenoms.trim()} ${current.draft.nom.trim()}`;
      current.sent.push(name);
      current.submissionId = null;
      current.confirmed = name;
      renderSent(name, true);
      return;
    }
    if (outcome.kind === 'field') {
      current.errors = { [outcome.field]: outcome.reason };
      render();
      focusFirstError();
      return;
    }
    current.notice = outcomeNotice(outcome);
    render();
  };

  if (current.confirmed) renderSent(current.confirmed, false);
  else render();
}
