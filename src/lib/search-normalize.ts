/**
 * The guest-name search term as the database compares it: `public.unaccent_lower()`, i.e.
 * PostgreSQL's `lower(unaccent(…))`, done in the browser so the term can be sent as is to the
 * trigram-indexed computed field (`.like('client_nom_search', `%${normalizeSearchTerm(q)}%`)`).
 * "Dupônt", "DUPONT" and "dupont" all become "dupont"; "Œuvray" becomes "oeuvray".
 *
 * Agreement with the database is exact, character by character, over Basic Latin, Latin-1,
 * Latin Extended-A/B, IPA, spacing modifiers, combining marks, Greek, Cyrillic, Latin Extended
 * Additional, Greek Extended, General Punctuation, the Latin ligatures ﬀ–ﬆ and fullwidth ASCII
 * (checked against the real `unaccent` of the local stack by
 * supabase/tests/reservations-queries.test.ts). Elsewhere a character is only lower-cased.
 *
 * How: NFD decomposition and removal of combining marks reproduce most of unaccent.rules; the
 * tables below hold the rules it does not reproduce (ligatures, stroked letters, punctuation…:
 * MAPPED, already lower-cased) and the characters unaccent leaves alone although they decompose
 * (Cyrillic й, Greek dialytika-tonos…: KEPT). They were generated from PostgreSQL 18's
 * unaccent.rules; the integration test fails if the database disagrees.
 *
 * LIKE wildcards (% _) and PostgREST's * alias are removed, and the term is trimmed: a guest
 * name search never needs them, and a stray % must not turn into "match everything".
 */

const MAPPED: Readonly<Record<string, string>> = {
  '¡': '!',
  '©': '(c)',
  ª: 'a',
  '«': '<<',
  '\u00ad': '-',
  '®': '(r)',
  '±': '+/-',
  µ: 'μ',
  º: 'o',
  '»': '>>',
  '¼': ' 1/4',
  '½': ' 1/2',
  '¾': ' 3/4',
  '¿': '?',
  Æ: 'ae',
  Ð: 'd',
  '×': '*',
  Ø: 'o',
  Þ: 'th',
  ß: 'ss',
  æ: 'ae',
  ð: 'd',
  '÷': '/',
  ø: 'o',
  þ: 'th',
  Đ: 'd',
  đ: 'd',
  Ħ: 'h',
  ħ: 'h',
  ı: 'i',
  Ĳ: 'ij',
  ĳ: 'ij',
  ĸ: 'q',
  Ŀ: 'l',
  ŀ: 'l',
  Ł: 'l',
  ł: 'l',
  ŉ: "'n",
  Ŋ: 'n',
  ŋ: 'n',
  Œ: 'oe',
  œ: 'oe',
  Ŧ: 't',
  ŧ: 't',
  ſ: 's',
  ƀ: 'b',
  Ɓ: 'b',
  Ƃ: 'b',
  ƃ: 'b',
  Ƈ: 'c',
  ƈ: 'c',
  Ɖ: 'd',
  Ɗ: 'd',
  Ƌ: 'd',
  ƌ: 'd',
  Ɛ: 'e',
  Ƒ: 'f',
  ƒ: 'f',
  Ɠ: 'g',
  ƕ: 'hv',
  Ɩ: 'i',
  Ɨ: 'i',
  Ƙ: 'k',
  ƙ: 'k',
  ƚ: 'l',
  Ɲ: 'n',
  ƞ: 'n',
  Ƣ: 'oi',
  ƣ: 'oi',
  Ƥ: 'p',
  ƥ: 'p',
  ƫ: 't',
  Ƭ: 't',
  ƭ: 't',
  Ʈ: 't',
  Ʋ: 'v',
  Ƴ: 'y',
  ƴ: 'y',
  Ƶ: 'z',
  ƶ: 'z',
  Ǆ: 'dz',
  ǅ: 'dz',
  ǆ: 'dz',
  Ǉ: 'lj',
  ǈ: 'lj',
  ǉ: 'lj',
  Ǌ: 'nj',
  ǋ: 'nj',
  ǌ: 'nj',
  Ǥ: 'g',
  ǥ: 'g',
  Ǳ: 'dz',
  ǲ: 'dz',
  ǳ: 'dz',
  ȡ: 'd',
  Ȥ: 'z',
  ȥ: 'z',
  ȴ: 'l',
  ȵ: 'n',
  ȶ: 't',
  ȷ: 'j',
  ȸ: 'db',
  ȹ: 'qp',
  Ⱥ: 'a',
  Ȼ: 'c',
  ȼ: 'c',
  Ƚ: 'l',
  Ⱦ: 't',
  ȿ: 's',
  ɀ: 'z',
  Ƀ: 'b',
  Ʉ: 'u',
  Ɇ: 'e',
  ɇ: 'e',
  Ɉ: 'j',
  ɉ: 'j',
  Ɍ: 'r',
  ɍ: 'r',
  Ɏ: 'y',
  ɏ: 'y',
  ɓ: 'b',
  ɕ: 'c',
  ɖ: 'd',
  ɗ: 'd',
  ɛ: 'e',
  ɟ: 'j',
  ɠ: 'g',
  ɡ: 'g',
  ɢ: 'g',
  ɦ: 'h',
  ɧ: 'h',
  ɨ: 'i',
  ɪ: 'i',
  ɫ: 'l',
  ɬ: 'l',
  ɭ: 'l',
  ɱ: 'm',
  ɲ: 'n',
  ɳ: 'n',
  ɴ: 'n',
  ɶ: 'oe',
  ɼ: 'r',
  ɽ: 'r',
  ɾ: 'r',
  ʀ: 'r',
  ʂ: 's',
  ʈ: 't',
  ʉ: 'u',
  ʋ: 'v',
  ʏ: 'y',
  ʐ: 'z',
  ʑ: 'z',
  ʙ: 'b',
  ʛ: 'g',
  ʜ: 'h',
  ʝ: 'j',
  ʟ: 'l',
  ʠ: 'q',
  ʣ: 'dz',
  ʥ: 'dz',
  ʦ: 'ts',
  ʪ: 'ls',
  ʫ: 'lz',
  ʰ: 'h',
  ʲ: 'j',
  ʳ: 'r',
  ʷ: 'w',
  ʸ: 'y',
  ʹ: "'",
  ʺ: '"',
  ʻ: "'",
  ʼ: "'",
  ʽ: "'",
  '˂': '<',
  '˃': '>',
  '˄': '^',
  ˆ: '^',
  ˈ: "'",
  ˋ: '`',
  ː: ':',
  '˖': '+',
  '˗': '-',
  '˜': '~',
  ˡ: 'l',
  ˢ: 's',
  ˣ: 'x',
  ϐ: 'β',
  ϑ: 'θ',
  ϒ: 'υ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϲ: 'ς',
  ϵ: 'ε',
  Ϲ: 'σ',
  ẚ: 'a',
  ẜ: 's',
  ẝ: 's',
  ẞ: 'ss',
  Ỻ: 'll',
  ỻ: 'll',
  Ỽ: 'v',
  ỽ: 'v',
  Ỿ: 'y',
  ỿ: 'y',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '–': '-',
  '—': '-',
  '―': '-',
  '‖': '||',
  '‘': "'",
  '’': "'",
  '‚': ',',
  '‛': "'",
  '“': '"',
  '”': '"',
  '„': ',,',
  '‟': '"',
  '․': '.',
  '‥': '..',
  '…': '...',
  '′': "'",
  '″': '"',
  '‹': '<',
  '›': '>',
  '‼': '!!',
  '⁄': '/',
  '⁅': '[',
  '⁆': ']',
  '⁇': '??',
  '⁈': '?!',
  '⁉': '!?',
  '⁎': '*',
  ﬀ: 'ff',
  ﬁ: 'fi',
  ﬂ: 'fl',
  ﬃ: 'ffi',
  ﬄ: 'ffl',
  ﬅ: 'st',
  ﬆ: 'st',
};
const KEPT = new Set(
  'ǢǣǮǯǼǽǾǿ\u0363\u0364\u0365\u0366\u0367\u0368\u0369\u036a\u036b\u036c\u036d\u036e\u036fʹ\u037e\u0385\u0387ϓϔЀЃЇЌЍЎЙйѐѓїќѝўѶѷ\u0483\u0484\u0485\u0486\u0487\u0488\u0489ӁӂӐӑӒӓӖӗӚӛӜӝӞӟӢӣӤӥӦӧӪӫӬӭӮӯӰӱӲӳӴӵӸӹẛ\u1fc1\u1fcd\u1fce\u1fcf\u1fdd\u1fde\u1fdf\u1fed\u1fee\u1fef\u1ffd\u2000\u2001',
);

/** Code point ranges where unaccentLower() matches the database exactly (fullwidth ASCII too). */
export const COVERED: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x04ff],
  [0x1e00, 0x1fff],
  [0x2000, 0x206f],
  [0xfb00, 0xfb06],
];

export const FULLWIDTH_FIRST = 0xff01;
export const FULLWIDTH_LAST = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const COMBINING_MARKS = /\p{M}/gu;
const LIKE_WILDCARDS = /[%_*\\]/g;

function isCovered(codePoint: number): boolean {
  return COVERED.some(([first, last]) => codePoint >= first && codePoint <= last);
}

/** One character (code point) as `lower(unaccent(…))` turns it into. */
export function unaccentLowerChar(char: string): string {
  const mapped = MAPPED[char];
  if (mapped !== undefined) return mapped;
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint >= FULLWIDTH_FIRST && codePoint <= FULLWIDTH_LAST) {
    return String.fromCodePoint(codePoint - FULLWIDTH_OFFSET).toLowerCase();
  }
  if (KEPT.has(char) || !isCovered(codePoint)) return char.toLowerCase();
  return char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** `public.unaccent_lower(text)` in TypeScript: what `client_nom_search` holds for a name. */
export function unaccentLower(text: string): string {
  let out = '';
  // Character by character, as unaccent and lower() work (and so that "Σ" stays "σ").
  for (const char of text) out += unaccentLowerChar(char);
  return out;
}

/** A guest-name search term ready for `.like('client_nom_search', `%${term}%`)`. */
export function normalizeSearchTerm(term: string): string {
  return unaccentLower(term).replace(LIKE_WILDCARDS, '').trim();
}
