import { describe, expect, it } from 'vitest';
import { syncResultLabel } from '@/features/gites/sync-history';

describe('syncResultLabel', () => {
  it('names each result', () => {
    expect(syncResultLabel('success')).toBe('Réussi');
    expect(syncResultLabel('not_modified')).toBe('Inchangé');
    expect(syncResultLabel('error')).toBe('Échec');
  });
});
