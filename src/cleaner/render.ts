import { el } from '../guest/dom';
import { cleanerMessages as m } from './messages';
import { byDay, type CleanerPage, type CleanerTask, canMarkDone } from './tasks-answer';

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const shortDay = new Intl.DateTimeFormat('fr-FR', {
  day: '2-digit',
  month: '2-digit',
  timeZone: 'UTC',
});
const moment = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

function day(iso: string, format: Intl.DateTimeFormat): string {
  const text = format.format(new Date(`${iso}T12:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface TaskActions {
  today: string;
  /** Sends "done" with the note; resolves to an error message to show, or null. */
  markDone: (task: CleanerTask, note: string) => Promise<string | null>;
}

function taskCard(task: CleanerTask, actions: TaskActions): HTMLElement {
  const hours = m.window(task.start, task.end);
  const card = el(
    'article',
    { class: 'c-task', 'data-status': task.status },
    el('h3', {}, task.gite.name, hours ? el('span', { class: 'c-hours' }, ` · ${hours}`) : null),
    task.gite.address ? el('p', { class: 'c-muted' }, task.gite.address) : null,
    task.sameDay ? el('p', { class: 'c-same-day' }, m.sameDay) : null,
    el(
      'p',
      { class: 'c-muted' },
      task.next ? m.nextGuests(day(task.next.arrival, shortDay), task.next.people) : m.noNextGuests,
    ),
    task.notes
      ? el('div', { class: 'c-notes' }, el('strong', {}, `${m.notes} : `), task.notes)
      : null,
  );
  if (task.status === 'done') {
    card.append(
      el('p', { class: 'c-done' }, m.done(task.doneAt ? moment.format(new Date(task.doneAt)) : '')),
      task.doneNote ? el('p', { class: 'c-muted' }, `${m.yourNote} : `, task.doneNote) : '',
    );
    return card;
  }
  if (!canMarkDone(task, actions.today)) {
    card.append(el('p', { class: 'c-muted' }, m.notYet));
    return card;
  }
  const noteId = `note-${task.id}`;
  const textarea = el('textarea', { id: noteId, rows: '2', maxlength: '2000' });
  const button = el('button', { type: 'submit', class: 'c-button' }, m.markDone);
  const status = el('p', { class: 'c-error', role: 'alert' });
  const form = el(
    'form',
    { class: 'c-form' },
    el('label', { for: noteId }, m.noteLabel),
    textarea,
    button,
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    button.textContent = m.saving;
    void actions.markDone(task, textarea.value).then((error) => {
      if (!error) return;
      status.textContent = error;
      button.disabled = false;
      button.textContent = m.markDone;
    });
  });
  card.append(form);
  return card;
}

export function renderPage(page: CleanerPage, actions: TaskActions): Node[] {
  const header = el(
    'header',
    {},
    el('h1', {}, m.title(page.cleaner)),
    el('p', { class: 'c-muted' }, m.intro),
  );
  if (page.tasks.length === 0) return [header, el('p', { class: 'c-empty' }, m.empty)];
  return [
    header,
    ...byDay(page.tasks).map((group) =>
      el(
        'section',
        { class: 'c-day' },
        el('h2', {}, day(group.date, dayFormat)),
        ...group.tasks.map((task) => taskCard(task, actions)),
      ),
    ),
  ];
}

export function renderMessage(text: string, retry?: () => void): Node[] {
  return [
    el('h1', {}, m.htmlTitle),
    el('p', { class: 'c-message', role: 'status' }, text),
    retry ? retryButton(retry) : null,
  ].filter((node): node is HTMLElement => node !== null);
}

function retryButton(retry: () => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'c-button' }, m.retry);
  button.addEventListener('click', retry);
  return button;
}
