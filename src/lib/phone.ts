/** The longest phone number a column accepts (their `char_length(…) <= 40` checks). */
export const PHONE_MAX_LENGTH = 40;

const PHONE_CHARACTERS = /^\+?[\d\s.()-]+$/;

/**
 * A phone number as owners type them: digits, spaces, dots, dashes and brackets, an optional
 * leading +, up to 20 digits, and no longer than a column allows. At least 2 digits by
 * default, so the emergency numbers of a gîte's contacts pass (« 15 », « 112 »); a person's
 * number asks for more (`minDigits`). Checked the same way for gîte contacts, activities,
 * guests and cleaners. Pure.
 */
export function isPhoneNumber(
  value: string,
  { minDigits = 2 }: { minDigits?: number } = {},
): boolean {
  const digits = value.replace(/\D/g, '').length;
  return (
    PHONE_CHARACTERS.test(value) &&
    digits >= minDigits &&
    digits <= 20 &&
    value.length <= PHONE_MAX_LENGTH
  );
}
