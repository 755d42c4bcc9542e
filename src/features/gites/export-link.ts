/**
 * The address at which a gîte's calendar is published for the platforms to import
 * (supabase/functions/ical-export): the project's API origin, the functions path, the token.
 */
export function exportLinkUrl(apiUrl: string, token: string): string {
  return `${apiUrl.replace(/\/+$/, '')}/functions/v1/ical-export/${encodeURIComponent(token)}.ics`;
}
