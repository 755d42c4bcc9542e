import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { validateForm } from '@/lib/form-validation';

const schema = z
  .object({ nom: z.string().trim().min(1, 'Nom requis').max(5, 'Trop long'), age: z.string() })
  .superRefine((value, ctx) => {
    if (value.age === 'x') ctx.addIssue({ code: 'custom', path: ['age'], message: 'Âge invalide' });
    ctx.addIssue({ code: 'custom', path: ['ailleurs'], message: 'hors formulaire' });
  });

describe('validateForm', () => {
  it('gives the first message of each field of the draft, nothing else', () => {
    expect(validateForm(schema, { nom: '', age: 'x' })).toEqual({
      ok: false,
      errors: { nom: 'Nom requis', age: 'Âge invalide' },
    });
  });

  it('gives the parsed values when the schema accepts them', () => {
    const accepting = z.object({ nom: z.string().trim() });
    expect(validateForm(accepting, { nom: ' Léa ' })).toEqual({ ok: true, value: { nom: 'Léa' } });
  });
});
