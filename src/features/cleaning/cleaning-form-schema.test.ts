import { describe, expect, it } from 'vitest';
import {
  cleanerFormSchema,
  doneNoteError,
  NOTES_MAX_LENGTH,
  taskFormSchema,
} from '@/features/cleaning/cleaning-form-schema';
import { cleaningMessages as m } from '@/features/cleaning/messages';
import { validateForm } from '@/lib/form-validation';

const task = { cleaner_id: '', heure_debut: '', heure_fin: '', notes: '' };

describe('task form', () => {
  it('turns empty fields into nothing and keeps a valid window', () => {
    expect(validateForm(taskFormSchema, task)).toEqual({
      ok: true,
      value: { cleaner_id: null, heure_debut: null, heure_fin: null, notes: null },
    });
    expect(
      validateForm(taskFormSchema, {
        ...task,
        heure_debut: '10:00',
        heure_fin: '14:30',
        notes: ' Clés ',
      }),
    ).toMatchObject({
      ok: true,
      value: { heure_debut: '10:00', heure_fin: '14:30', notes: 'Clés' },
    });
  });

  it('refuses a bad time, an end before the start and over-long notes', () => {
    expect(validateForm(taskFormSchema, { ...task, heure_debut: '25:00' })).toEqual({
      ok: false,
      errors: { heure_debut: m.timeInvalid },
    });
    expect(
      validateForm(taskFormSchema, { ...task, heure_debut: '14:00', heure_fin: '10:00' }),
    ).toEqual({
      ok: false,
      errors: { heure_fin: m.windowInvalid },
    });
    expect(
      validateForm(taskFormSchema, { ...task, notes: 'x'.repeat(NOTES_MAX_LENGTH + 1) }),
    ).toMatchObject({
      ok: false,
    });
    expect(doneNoteError('x'.repeat(NOTES_MAX_LENGTH + 1))).not.toBeNull();
    expect(doneNoteError('Ampoule grillée')).toBeNull();
  });
});

describe('cleaner form', () => {
  it('needs a name and a real phone number if any', () => {
    expect(validateForm(cleanerFormSchema, { nom: ' Sylvie ', telephone: '' })).toEqual({
      ok: true,
      value: { nom: 'Sylvie', telephone: null },
    });
    expect(validateForm(cleanerFormSchema, { nom: '', telephone: '15' })).toEqual({
      ok: false,
      errors: { nom: m.nameRequired, telephone: m.phoneInvalid },
    });
  });
});
