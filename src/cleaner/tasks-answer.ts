/**
 * What `cleaner_tasks(p_token)` answers, checked field by field (the page trusts nothing it
 * did not check), and the small rules the page applies. Pure.
 */

export interface CleanerTask {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  start: string | null;
  end: string | null;
  status: 'planned' | 'done';
  notes: string | null;
  doneAt: string | null;
  doneNote: string | null;
  sameDay: boolean;
  next: { arrival: string; people: number | null } | null;
  gite: { name: string; address: string | null };
}

export interface CleanerPage {
  cleaner: string;
  tasks: CleanerTask[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseTask(raw: unknown): CleanerTask | null {
  if (!isObject(raw) || !isObject(raw.gite)) return null;
  const id = text(raw.id);
  const date = text(raw.date);
  const status = raw.statut;
  if (!id || !date || !ISO_DATE.test(date) || (status !== 'planned' && status !== 'done')) {
    return null;
  }
  const next = isObject(raw.prochain_sejour) ? raw.prochain_sejour : null;
  const arrival = next ? text(next.arrivee) : null;
  return {
    id,
    date,
    start: text(raw.heure_debut),
    end: text(raw.heure_fin),
    status,
    notes: text(raw.notes),
    doneAt: text(raw.fait_le),
    doneNote: text(raw.note_fin),
    sameDay: raw.meme_jour === true,
    next:
      next && arrival && ISO_DATE.test(arrival)
        ? {
            arrival,
            people: typeof next.personnes === 'number' ? next.personnes : null,
          }
        : null,
    gite: { name: text(raw.gite.nom) ?? '', address: text(raw.gite.adresse) },
  };
}

/** The page's data, or null for "no such link" (an unknown, replaced or revoked token). */
export function parseCleanerPage(raw: unknown): CleanerPage | null {
  if (!isObject(raw) || !Array.isArray(raw.taches)) return null;
  return {
    cleaner: text(raw.intervenant) ?? '',
    tasks: raw.taches.map(parseTask).filter((task): task is CleanerTask => task !== null),
  };
}

/** The token of `/m/<token>` (URL-safe base64), or null. */
export function tokenFromPath(pathname: string): string | null {
  const match = /^\/m\/([A-Za-z0-9_-]{16,128})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}

/** A task can be ticked off from the day before it is due (the database checks it too). */
export function canMarkDone(task: CleanerTask, today: string): boolean {
  if (task.status !== 'planned') return false;
  const tomorrow = new Date(`${today}T12:00:00Z`);
  tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
  return task.date <= tomorrow.toISOString().slice(0, 10);
}

/** Tasks grouped by day, in the order given (the database sorts them). */
export function byDay(
  tasks: readonly CleanerTask[],
): Array<{ date: string; tasks: CleanerTask[] }> {
  const days: Array<{ date: string; tasks: CleanerTask[] }> = [];
  for (const task of tasks) {
    const last = days.at(-1);
    if (last && last.date === task.date) last.tasks.push(task);
    else days.push({ date: task.date, tasks: [task] });
  }
  return days;
}
