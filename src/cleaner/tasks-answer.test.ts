import { describe, expect, it } from 'vitest';
import { byDay, canMarkDone, parseCleanerPage, tokenFromPath } from './tasks-answer';

const task = {
  id: 't1',
  date: '2026-11-25',
  heure_debut: '10:00',
  heure_fin: null,
  statut: 'planned',
  notes: 'Clés <b>sous</b> le pot',
  fait_le: null,
  note_fin: null,
  meme_jour: true,
  prochain_sejour: { arrivee: '2026-11-25', personnes: 4 },
  gite: { nom: 'Le Moulin', adresse: '3 rue du Lavoir, 79000 Niort' },
};

describe('the cleaner page’s answer', () => {
  it('reads tasks field by field, keeping owner text as it is', () => {
    expect(parseCleanerPage({ intervenant: 'Sylvie', taches: [task] })).toEqual({
      cleaner: 'Sylvie',
      tasks: [
        {
          id: 't1',
          date: '2026-11-25',
          start: '10:00',
          end: null,
          status: 'planned',
          notes: 'Clés <b>sous</b> le pot',
          doneAt: null,
          doneNote: null,
          sameDay: true,
          next: { arrival: '2026-11-25', people: 4 },
          gite: { name: 'Le Moulin', address: '3 rue du Lavoir, 79000 Niort' },
        },
      ],
    });
  });

  it('drops malformed tasks and says "no link" for anything else', () => {
    const page = parseCleanerPage({
      intervenant: 'Sylvie',
      taches: [task, { ...task, date: 'demain' }, { ...task, statut: 'cancelled' }, null],
    });
    expect(page?.tasks).toHaveLength(1);
    expect(parseCleanerPage(null)).toBeNull();
    expect(parseCleanerPage({ intervenant: 'x' })).toBeNull();
  });

  it('finds the token in the path, and nothing else', () => {
    expect(tokenFromPath('/m/abcdefghijklmnopqrstuvwxyz012345')).toBe(
      'abcdefghijklmnopqrstuvwxyz012345',
    );
    expect(tokenFromPath('/m/abcdefghijklmnopqrstuvwxyz012345/')).toBe(
      'abcdefghijklmnopqrstuvwxyz012345',
    );
    expect(tokenFromPath('/m/short')).toBeNull();
    expect(tokenFromPath('/m/abc%3Cscript%3Eabcdefghijklmnop')).toBeNull();
    expect(tokenFromPath('/g/abcdefghijklmnopqrstuvwxyz012345')).toBeNull();
  });

  it('lets a task be ticked off from the day before, and groups tasks by day', () => {
    const page = parseCleanerPage({
      intervenant: 'S',
      taches: [task, { ...task, id: 't2' }, { ...task, id: 't3', date: '2026-11-28' }],
    });
    const [first, , third] = page?.tasks ?? [];
    if (!first || !third) throw new Error('tasks missing');
    expect(canMarkDone(first, '2026-11-24')).toBe(true);
    expect(canMarkDone(first, '2026-11-23')).toBe(false);
    expect(canMarkDone({ ...first, status: 'done' }, '2026-11-25')).toBe(false);
    expect(byDay(page?.tasks ?? []).map((day) => [day.date, day.tasks.length])).toEqual([
      ['2026-11-25', 2],
      ['2026-11-28', 1],
    ]);
  });
});
