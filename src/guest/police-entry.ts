/**
 * The « Fiche de police » card of the guest page: who must fill the form, and a button that
 * loads the form itself (police-form.ts, a chunk of its own: the sheet's first load stays
 * light). The form is sent online only; with no connection the card says so — nothing is
 * queued. Once opened, the form stays open (and keeps what was typed) when the page is
 * re-rendered, for instance in the other language.
 */
import { el } from './dom';
import { guestMessages } from './messages';
import type { Lang } from './sheet-answer';

export interface PoliceContext {
  token: string;
  lang: Lang;
  arrivee: string | null;
  depart: string | null;
}

let opened = false;

export function policeSection(ctx: PoliceContext): HTMLElement {
  const m = guestMessages[ctx.lang];
  const body = el('div', { class: 'g-police-body' });
  const button = el('button', { type: 'button', class: 'g-button' }, m.policeOpen);

  const open = async () => {
    if (!navigator.onLine) {
      body.replaceChildren(el('p', { class: 'g-offline', role: 'alert' }, m.policeOffline), button);
      return;
    }
    body.replaceChildren(el('p', { class: 'g-loading', role: 'status' }, m.policeLoading));
    try {
      const { mountPoliceForm } = await import('./police-form');
      opened = true;
      mountPoliceForm(body, ctx);
    } catch {
      body.replaceChildren(el('p', { class: 'g-offline', role: 'alert' }, m.policeOffline), button);
    }
  };
  button.addEventListener('click', () => void open());
  if (opened) void open();
  else body.append(button);

  return el(
    'section',
    { class: 'g-card g-police', id: 'fiche-de-police', 'aria-labelledby': 'g-police-title' },
    el('h2', { id: 'g-police-title' }, m.policeTitle),
    el('p', {}, m.policeWho),
    el('p', { class: 'g-muted' }, m.policeChildren),
    body,
  );
}
