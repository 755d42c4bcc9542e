/**
 * The guest page's content, built from the parsed answer (sheet-answer.ts) with `el()`:
 * every owner-supplied string is a text node.
 */
import { el } from './dom';
import { formatDay, type GuestMessages, guestMessages } from './messages';
import {
  type ClosedSheet,
  consignesFor,
  type Lang,
  type LiveSheet,
  mapLink,
  type OwnerContact,
  telLink,
} from './sheet-answer';
import { wifiQrPayload, wifiQrSvg } from './wifi-qr';

function phone(number: string, m: GuestMessages): HTMLElement {
  const href = telLink(number);
  return href ? el('a', { href, 'aria-label': m.call(number) }, number) : el('span', {}, number);
}

function section(id: string, title: string, ...children: Array<Node | null | false>) {
  const content = children.filter((child): child is Node => Boolean(child));
  if (content.length === 0) return null;
  return el(
    'section',
    { class: 'g-card', 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title` }, title),
    ...content,
  );
}

function pairs(rows: Array<[string, Node | string | null]>): HTMLElement | null {
  const shown = rows.filter((row): row is [string, Node | string] => row[1] !== null);
  if (shown.length === 0) return null;
  return el(
    'dl',
    { class: 'g-pairs' },
    ...shown.map(([term, value]) => el('div', {}, el('dt', {}, term), el('dd', {}, value))),
  );
}

function paragraph(text: string | null, heading?: string): HTMLElement | null {
  if (!text) return null;
  return el('div', { class: 'g-text' }, heading ? el('h3', {}, heading) : null, el('p', {}, text));
}

function ownerContact(contact: OwnerContact | null, m: GuestMessages): HTMLElement | null {
  if (!contact) return null;
  return el(
    'div',
    { class: 'g-host' },
    el('h2', {}, m.host),
    contact.nom ? el('p', { class: 'g-host-name' }, contact.nom) : null,
    contact.telephone ? el('p', {}, phone(contact.telephone, m)) : null,
    contact.email ? el('p', {}, el('a', { href: `mailto:${contact.email}` }, contact.email)) : null,
  );
}

export function languageSwitch(lang: Lang, onSwitch: (lang: Lang) => void): HTMLElement {
  const m = guestMessages[lang];
  const button = el(
    'button',
    {
      type: 'button',
      class: 'g-lang',
      lang: lang === 'fr' ? 'en' : 'fr',
      'aria-label': m.switchLabel,
    },
    m.switchTo,
  );
  button.addEventListener('click', () => onSwitch(lang === 'fr' ? 'en' : 'fr'));
  return button;
}

export function renderLive(
  sheet: LiveSheet,
  lang: Lang,
  offlineNote: string | null,
  police: HTMLElement | null = null,
): Node[] {
  const m = guestMessages[lang];
  const consignes = consignesFor(sheet.consignes, lang);
  const map = mapLink(sheet.gite);
  const wifiPayload = sheet.wifi ? wifiQrPayload(sheet.wifi) : null;

  const header = el(
    'header',
    { class: 'g-header' },
    sheet.gite.nom ? el('p', { class: 'g-gite' }, sheet.gite.nom) : null,
    el('h1', {}, m.welcome(sheet.prenom)),
  );

  const stay = section(
    'g-stay',
    m.stay,
    pairs([
      [
        m.arrival,
        sheet.arrivee
          ? `${formatDay(sheet.arrivee, lang)}${consignes?.horaire_arrivee ? `, ${m.from(consignes.horaire_arrivee)}` : ''}`
          : null,
      ],
      [
        m.departure,
        sheet.depart
          ? `${formatDay(sheet.depart, lang)}${consignes?.horaire_depart ? `, ${m.until(consignes.horaire_depart)}` : ''}`
          : null,
      ],
      [m.address, sheet.gite.adresse],
    ]),
    map
      ? el(
          'p',
          {},
          el(
            'a',
            { href: map, class: 'g-button', rel: 'noopener noreferrer', target: '_blank' },
            m.openMap,
          ),
        )
      : null,
    consignes?.code_acces
      ? el(
          'div',
          { class: 'g-code' },
          el('span', { class: 'g-code-label' }, m.accessCode),
          el(
            'strong',
            { class: 'g-code-value', 'data-testid': 'access-code' },
            consignes.code_acces,
          ),
        )
      : null,
    paragraph(consignes?.parking ?? null, m.parking),
  );

  const wifi = sheet.wifi
    ? section(
        'g-wifi',
        m.wifi,
        pairs([
          [m.network, sheet.wifi.ssid],
          [m.password, sheet.wifi.password],
          [m.speed, sheet.wifi.debit],
          [m.router, sheet.wifi.localisationBox],
          [m.coverage, sheet.wifi.zones.length > 0 ? sheet.wifi.zones.join(', ') : null],
        ]),
        wifiPayload && sheet.wifi.ssid
          ? el(
              'figure',
              { class: 'g-qr' },
              wifiQrSvg(document, wifiPayload, m.qrLabel(sheet.wifi.ssid)),
              el('figcaption', {}, m.qrHelp),
            )
          : null,
      )
    : null;

  const instructions = consignes
    ? section(
        'g-rules',
        m.instructions,
        paragraph(consignes.arrivee, m.onArrival),
        paragraph(consignes.sejour, m.duringStay),
        paragraph(consignes.sortie, m.onDeparture),
      )
    : null;

  const equipment = section(
    'g-equipment',
    m.equipment,
    ...sheet.equipements.map(({ section: name, entries }) =>
      el('div', { class: 'g-text' }, el('h3', {}, m.sections[name] ?? name), pairs(entries)),
    ),
  );

  const contacts = section(
    'g-contacts',
    m.contacts,
    el('p', { class: 'g-emergency' }, m.emergency),
    sheet.contacts.length > 0
      ? el(
          'ul',
          { class: 'g-list' },
          ...sheet.contacts.map((contact) =>
            el(
              'li',
              {},
              el('span', { class: 'g-tag' }, m.contactTypes[contact.type] ?? contact.type),
              el('strong', {}, contact.nom),
              contact.telephone ? el('span', {}, phone(contact.telephone, m)) : null,
              contact.adresse ? el('span', {}, contact.adresse) : null,
              contact.disponibilite
                ? el('span', { class: 'g-muted' }, contact.disponibilite)
                : null,
            ),
          ),
        )
      : null,
  );

  const activities = section(
    'g-activities',
    m.activities,
    sheet.activites.length > 0
      ? el(
          'ul',
          { class: 'g-list' },
          ...sheet.activites.map((activity) =>
            el(
              'li',
              {},
              el(
                'span',
                { class: 'g-tag' },
                m.categories[activity.categorie] ?? activity.categorie,
                activity.distance_km !== null ? ` · ${m.km(activity.distance_km)}` : '',
              ),
              el('strong', {}, activity.nom),
              activity.description ? el('span', { class: 'g-pre' }, activity.description) : null,
              activity.adresse ? el('span', {}, activity.adresse) : null,
              activity.telephone ? el('span', {}, phone(activity.telephone, m)) : null,
              activity.url
                ? el(
                    'a',
                    { href: activity.url, rel: 'noopener noreferrer', target: '_blank' },
                    m.website,
                  )
                : null,
            ),
          ),
        )
      : null,
  );

  return [
    offlineNote ? el('p', { class: 'g-offline', role: 'status' }, offlineNote) : null,
    header,
    stay,
    wifi,
    instructions,
    police,
    equipment,
    contacts,
    activities,
    ownerContact(sheet.contact, m),
  ].filter((node): node is HTMLElement => node !== null);
}

export function renderClosed(sheet: ClosedSheet, lang: Lang): Node[] {
  const m = guestMessages[lang];
  const notYet = sheet.status === 'not_yet';
  return [
    el(
      'section',
      { class: 'g-card g-closed', 'data-status': sheet.status },
      el('h1', {}, notYet ? m.notYetTitle : m.closedTitle),
      el('p', {}, notYet ? m.notYetText : m.closedText),
    ),
    ownerContact(sheet.contact, m),
  ].filter((node): node is HTMLElement => node !== null);
}

export function renderMessage(
  title: string,
  text: string,
  retry?: { label: string; run: () => void },
) {
  const button = retry ? el('button', { type: 'button', class: 'g-button' }, retry.label) : null;
  if (button && retry) button.addEventListener('click', retry.run);
  return [
    el('section', { class: 'g-card g-closed' }, el('h1', {}, title), el('p', {}, text), button),
  ];
}
