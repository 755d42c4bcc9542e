/**
 * GET /functions/v1/ical-export/<token>.ics — a gîte's calendar, for Airbnb, Booking.com and
 * the others to import. No login (the platforms have none): the token is the secret, checked
 * by the database function public.ical_export, which the anon key may call and which returns
 * nothing for an unknown or revoked token. Runtime-agnostic (Deno deploys it, the local
 * stack serves it through dev/stack/functions-server.ts).
 */
import { renderCalendar } from '../sync/render-calendar.ts';
import type { RpcClient } from '../sync/sync-store.ts';

interface ExportedCalendar {
  gite: string;
  events: { uid: string; start: string; end: string; status: 'confirmed' | 'blocked' }[];
}

/** The token as our links write it: URL-safe base64, 32 characters (192 bits) or more. */
const EXPORT_PATH = /\/ical-export\/([A-Za-z0-9_-]{32,128})\.ics$/;

const text = (status: number, body: string, extra: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra },
  });

export function icalExportHandler(client: RpcClient, now: () => Date = () => new Date()) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return text(405, 'Méthode non autorisée.', { allow: 'GET, HEAD' });
    }
    const token = EXPORT_PATH.exec(new URL(request.url).pathname)?.[1];
    if (!token) return text(404, 'Calendrier introuvable.');
    const { data, error } = await client.rpc('ical_export', { p_token: token });
    if (error) return text(503, 'Calendrier momentanément indisponible, réessayez plus tard.');
    const calendar = data as ExportedCalendar | null;
    if (!calendar) return text(404, 'Calendrier introuvable.');
    const body = renderCalendar(
      calendar.events.map((e) => ({
        uid: e.uid,
        start: e.start,
        end: e.end,
        // No guest data leaves: the platforms only need to know the dates are taken.
        summary: e.status === 'confirmed' ? 'Réservé' : 'Indisponible',
      })),
      { prodId: '-//LiveOwnerUnit//Calendrier//FR', name: calendar.gite, stamp: now() },
    );
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="calendrier.ics"',
        // Platforms poll every few minutes to hours; a minute of caching is harmless.
        'cache-control': 'private, max-age=60',
      },
    });
  };
}
