import { describe, expect, inject, it } from 'vitest';
import {
  createExportLink,
  getExportLink,
  revokeExportLink,
} from '@/features/gites/api/export-link';
import { signedUpOwner } from '../../../../dev/test/clients.ts';

const stack = inject('stack');

describe('export link of a gîte', () => {
  it('is made, replaced and turned off by its owner, and seen by nobody else', async () => {
    const owner = await signedUpOwner(stack, 'export-link');
    const { data: gite, error } = await owner.client
      .from('gites')
      .insert({ nom: 'La Bergerie' })
      .select('id')
      .single();
    if (error) throw error;

    expect(await getExportLink(owner.client, gite.id)).toBeNull();
    const first = await createExportLink(owner.client, gite.id);
    expect(await getExportLink(owner.client, gite.id)).toMatchObject({ token: first.token });

    const second = await createExportLink(owner.client, gite.id);
    expect(second.token).not.toBe(first.token);
    expect(await getExportLink(owner.client, gite.id)).toMatchObject({ token: second.token });

    const other = await signedUpOwner(stack, 'export-link-other');
    expect(await getExportLink(other.client, gite.id)).toBeNull();
    await expect(createExportLink(other.client, gite.id)).rejects.toBeTruthy();

    await revokeExportLink(owner.client, gite.id);
    expect(await getExportLink(owner.client, gite.id)).toBeNull();
  });
});
