import { z } from 'zod';
import { gitesMessages as m } from '@/features/gites/messages';
import { PLATFORMS } from '@/lib/platforms';

export const FEED_URL_MAX_LENGTH = 2048;
export const NOM_MAX_LENGTH = 120;
export const MAX_FEEDS_PER_GITE = 10;
export const CAPACITE_MAX = 100;

/** '' → null, otherwise the trimmed text. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .transform((value) => (value === '' ? null : value));

/** The database's own check on ical_feeds.url (https, a host, no whitespace). */
const DB_FEED_URL = /^https:\/\/[^\s/?#]+([/?#]\S*)?$/i;

/** An iCal feed URL: https only, at most 2,048 characters (as the database checks). */
export const feedUrlSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    if (value === '') {
      ctx.addIssue({ code: 'custom', message: m.feedUrlRequired });
      return;
    }
    if (value.length > FEED_URL_MAX_LENGTH) {
      ctx.addIssue({ code: 'custom', message: m.feedUrlTooLong });
      return;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: m.feedUrlInvalid });
      return;
    }
    if (url.protocol !== 'https:' || !/^https:\/\//i.test(value)) {
      ctx.addIssue({ code: 'custom', message: m.feedUrlNotHttps });
      return;
    }
    if (url.hostname === '' || !DB_FEED_URL.test(value)) {
      ctx.addIssue({ code: 'custom', message: m.feedUrlInvalid });
    }
  });

export const feedFormSchema = z.object({
  /** Generated in the browser for new feeds, so saving twice never duplicates one. */
  id: z.uuid(),
  platform: z.enum(PLATFORMS, { error: m.platformInvalid }),
  url: feedUrlSchema,
});

export const giteFormSchema = z.object({
  nom: z
    .string()
    .trim()
    .min(1, { error: m.nomRequired })
    .max(NOM_MAX_LENGTH, { error: m.nomTooLong }),
  adresse: optionalText(200, m.adresseTooLong),
  code_postal: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { error: m.codePostalInvalid })
    .transform((value) => (value === '' ? null : value)),
  ville: optionalText(NOM_MAX_LENGTH, m.villeTooLong),
  capacite: z
    .string()
    .trim()
    .regex(/^\d*$/, { error: m.capaciteInvalid })
    .transform((value) => (value === '' ? null : Number(value)))
    .pipe(z.number().int().max(CAPACITE_MAX, { error: m.capaciteTooLarge }).nullable()),
  couleur: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: m.couleurInvalid })
    .transform((value) => value.toLowerCase()),
  feeds: z
    .array(feedFormSchema)
    .max(MAX_FEEDS_PER_GITE, { error: m.tooManyFeeds })
    .superRefine((feeds, ctx) => {
      const seen = new Set<string>();
      feeds.forEach((feed, index) => {
        if (seen.has(feed.url)) {
          ctx.addIssue({ code: 'custom', message: m.feedUrlDuplicate, path: [index, 'url'] });
        }
        seen.add(feed.url);
      });
    }),
});

/** What the form holds: every input's raw text. */
export interface FeedDraft {
  id: string;
  platform: string;
  url: string;
}

export interface GiteDraft {
  nom: string;
  adresse: string;
  code_postal: string;
  ville: string;
  capacite: string;
  couleur: string;
  feeds: FeedDraft[];
}

/** What the form saves once valid. */
export type GiteFormValues = z.output<typeof giteFormSchema>;
export type FeedFormValues = z.output<typeof feedFormSchema>;

export type GiteField = Exclude<keyof GiteDraft, 'feeds'>;
export type FeedField = 'platform' | 'url';

export interface GiteFormErrors {
  fields: Partial<Record<GiteField, string>>;
  /** Keyed by feed id, so errors follow their feed when another one is removed. */
  feeds: Record<string, Partial<Record<FeedField, string>>>;
  /** A problem with the feed list as a whole. */
  feedList?: string;
}

export type GiteFormResult =
  | { ok: true; value: GiteFormValues }
  | { ok: false; errors: GiteFormErrors };

const GITE_FIELDS: readonly string[] = [
  'nom',
  'adresse',
  'code_postal',
  'ville',
  'capacite',
  'couleur',
];

function isGiteField(key: unknown): key is GiteField {
  return typeof key === 'string' && GITE_FIELDS.includes(key);
}

/** Validates the form; the first message per field wins. Pure. */
export function validateGiteForm(draft: GiteDraft): GiteFormResult {
  const result = giteFormSchema.safeParse(draft);
  if (result.success) return { ok: true, value: result.data };
  const errors: GiteFormErrors = { fields: {}, feeds: {} };
  for (const issue of result.error.issues) {
    const [first, index, feedField] = issue.path;
    if (isGiteField(first)) {
      errors.fields[first] ??= issue.message;
    } else if (first === 'feeds' && typeof index === 'number') {
      const feedId = draft.feeds[index]?.id;
      if (feedId === undefined) continue;
      const field: FeedField = feedField === 'platform' ? 'platform' : 'url';
      const feedErrors = errors.feeds[feedId] ?? {};
      feedErrors[field] ??= issue.message;
      errors.feeds[feedId] = feedErrors;
    } else if (first === 'feeds') {
      errors.feedList ??= issue.message;
    }
  }
  return { ok: false, errors };
}

export function hasErrors(errors: GiteFormErrors): boolean {
  return (
    Object.keys(errors.fields).length > 0 ||
    Object.keys(errors.feeds).length > 0 ||
    errors.feedList !== undefined
  );
}

const PALETTE = ['#1f7a5c', '#2f6fb3', '#b5542d', '#8a4fb8', '#c2871b', '#3c8d93', '#b83b5e'];

export function newFeedDraft(): FeedDraft {
  return { id: crypto.randomUUID(), platform: 'airbnb', url: '' };
}

export function emptyGiteDraft(existingCount = 0): GiteDraft {
  return {
    nom: '',
    adresse: '',
    code_postal: '',
    ville: '',
    capacite: '',
    couleur: PALETTE[existingCount % PALETTE.length] ?? '#1f7a5c',
    feeds: [newFeedDraft()],
  };
}
