/**
 * The guest's welcome sheet at /g/<token>: no account, no owner-app code. One API call
 * (`guest_sheet`, a plain fetch: supabase-js is not needed for one RPC), rendered with text
 * nodes; French or English; a service worker keeps the page and this token's answer for
 * offline use (src/sw.ts, sheet-cache-rules.ts).
 */
import './guest.css';
import { el } from './dom';
import { guestEnv } from './guest-env';
import { formatMoment, guestMessages } from './messages';
import { policeSection } from './police-entry';
import { languageSwitch, renderClosed, renderLive, renderMessage } from './render';
import { type Lang, parseSheetAnswer, type SheetAnswer, tokenFromPath } from './sheet-answer';
import {
  GUEST_SHEET_RPC_PATH,
  GUEST_STAMP_CACHED_AT,
  GUEST_WORKER_URL_PARAM,
  GUEST_WORKER_URL_VALUE,
} from './sheet-cache-rules';

const LANG_KEY = 'lou-guest-lang';

const root = document.getElementById('guest');
if (!root) throw new Error('guest.html doit contenir <main id="guest">');
const main = root;

function storedLang(): Lang | null {
  try {
    const value = localStorage.getItem(LANG_KEY);
    return value === 'fr' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

function browserLang(): Lang {
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

interface Loaded {
  answer: SheetAnswer;
  /** When the service worker stored the answer shown (offline), else null. */
  cachedAt: number | null;
}

let lang: Lang = storedLang() ?? browserLang();
let loaded: Loaded | null = null;

function show(nodes: Node[]) {
  const current = loaded?.answer;
  document.documentElement.lang = lang;
  document.title = `${guestMessages[lang].htmlTitle}${
    current?.status === 'ok' && current.gite.nom ? ` — ${current.gite.nom}` : ''
  }`;
  const bar = el(
    'nav',
    { class: 'g-bar' },
    languageSwitch(lang, (next) => {
      lang = next;
      try {
        localStorage.setItem(LANG_KEY, next);
      } catch {
        // private mode: the choice lasts for this page only
      }
      render();
    }),
  );
  main.replaceChildren(bar, ...nodes);
}

function render() {
  const m = guestMessages[lang];
  if (!loaded) {
    show([el('p', { class: 'g-loading', role: 'status' }, m.loading)]);
    return;
  }
  const { answer, cachedAt } = loaded;
  if (answer.status === 'ok') {
    const token = tokenFromPath(location.pathname);
    show(
      renderLive(
        answer,
        lang,
        cachedAt === null ? null : m.offlineCopy(formatMoment(cachedAt, lang)),
        token
          ? policeSection({ token, lang, arrivee: answer.arrivee, depart: answer.depart })
          : null,
      ),
    );
  } else if (answer.status === 'unknown') {
    show(renderMessage(m.unknownTitle, m.unknownText));
  } else {
    show(renderClosed(answer, lang));
  }
}

async function load(token: string) {
  const env = guestEnv();
  if (!env) throw new Error('configuration');
  const response = await fetch(`${env.apiUrl}${GUEST_SHEET_RPC_PATH}`, {
    method: 'POST',
    headers: {
      apikey: env.anonKey,
      authorization: `Bearer ${env.anonKey}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ p_token: token }),
    cache: 'no-store',
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const cachedAt = Number(response.headers.get(GUEST_STAMP_CACHED_AT));
  return {
    answer: parseSheetAnswer(await response.json()),
    cachedAt: Number.isFinite(cachedAt) && cachedAt > 0 ? cachedAt : null,
  };
}

async function start() {
  const token = tokenFromPath(location.pathname);
  if (!token) {
    loaded = { answer: { status: 'unknown' }, cachedAt: null };
    render();
    return;
  }
  render();
  try {
    loaded = await load(token);
    // The sheet's language, unless the guest chose one on this device.
    if (loaded.answer.status !== 'unknown' && storedLang() === null) lang = loaded.answer.langue;
    render();
  } catch {
    const m = guestMessages[lang];
    show(
      renderMessage(m.failedTitle, m.failedText, {
        label: m.retry,
        run: () => void start(),
      }),
    );
  }
}

void start();

// Offline use: the service worker keeps this page and this sheet (registered once the page has
// shown). On the first visit the answer came before the worker existed: once it takes control,
// the sheet is read again through it, so that it is kept for the next visit with no network.
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener(
    'load',
    () => {
      const hadController = navigator.serviceWorker.controller !== null;
      navigator.serviceWorker.addEventListener(
        'controllerchange',
        () => {
          const token = tokenFromPath(location.pathname);
          if (hadController || !token || loaded?.answer.status !== 'ok') return;
          load(token)
            .then((fresh) => {
              loaded = fresh;
              render();
            })
            .catch(() => {
              // still shown from the first read; kept next time
            });
        },
        { once: true },
      );
      // A worker already there (the owner's, or this page's from an earlier visit) serves the
      // sheet too; otherwise a guest worker, which keeps only this page's files.
      navigator.serviceWorker
        .getRegistration(import.meta.env.BASE_URL)
        .then((existing) =>
          existing
            ? existing
            : navigator.serviceWorker.register(
                `${import.meta.env.BASE_URL}sw.js?${GUEST_WORKER_URL_PARAM}=${GUEST_WORKER_URL_VALUE}`,
                { scope: import.meta.env.BASE_URL },
              ),
        )
        .catch(() => {
          // no offline copy this time; the page works without
        });
    },
    { once: true },
  );
}
