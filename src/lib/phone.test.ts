import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from '@/lib/phone';

describe('isPhoneNumber', () => {
  it('accepts numbers as the French write them, emergency numbers and international ones', () => {
    for (const phone of [
      '05 49 12 34 56',
      '05.49.12.34.56',
      '+33 5 49 12 34 56',
      '15',
      '112',
      '+44 (0)20 7946 0958',
    ]) {
      expect(isPhoneNumber(phone), phone).toBe(true);
    }
  });

  it('asks a person’s number for more digits when told to', () => {
    expect(isPhoneNumber('15', { minDigits: 6 })).toBe(false);
    expect(isPhoneNumber('06 12 34 56 78', { minDigits: 6 })).toBe(true);
  });

  it('refuses letters, a single digit, too many digits and over-long text', () => {
    for (const phone of [
      'appelez-moi',
      '1',
      '0549x',
      `${'1'.repeat(21)}`,
      `+33 ${'1 '.repeat(19)}`,
      '<b>06</b>',
    ]) {
      expect(isPhoneNumber(phone), phone).toBe(false);
    }
  });
});
