/**
 * PostgREST SIGKILLed under traffic, then started again: the owner's app (real Chromium, the
 * app's dev server on a stack of its own) says in French that the data cannot be read, and a
 * save that the server does not answer — no raw error, no blank page, what was typed kept —
 * then saves and shows the data again once PostgREST is back, without a page reload. Meanwhile a few API clients keep reading as owners do (the "load"): their requests
 * fail while PostgREST is down, with the gateway's 502, and succeed again after the restart.
 *
 * Shared by `npm run faults` (which launches Chromium itself) and e2e/faults/ (Playwright's
 * page).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { portsFrom } from '../stack/config.ts';
import { loadOrCreateKeys } from '../stack/keys.ts';
import { type RunningStack, startStack } from '../stack/stack.ts';
import { startFaultApp } from './app-server.ts';
import { type FaultLog, formatMs, waitFor } from './fault-log.ts';

export interface PostgrestRestartOptions {
  page: Page;
  portBase: number;
  appPort: number;
}

const PASSWORD = 'panne-postgrest-2026';
const GITE = 'Le Moulin des Pannes';
const GUEST = 'Hélène Fautrier';

/** What an owner's session reads, in a loop, until stopped: every answer's time and status. */
function startTraffic(stack: RunningStack, accessToken: string, clients: number) {
  /** When each request was sent and answered (performance.now()), and its status. */
  const answers: Array<{ sent: number; at: number; status: number }> = [];
  let running = true;
  const loop = async () => {
    while (running) {
      const sent = performance.now();
      const status = await fetch(
        `${stack.url}/rest/v1/reservations?select=id,client_nom,date_debut&order=date_debut.desc&limit=50`,
        { headers: { apikey: stack.anonKey, authorization: `Bearer ${accessToken}` } },
      )
        .then(async (response) => {
          await response.arrayBuffer();
          return response.status;
        })
        .catch(() => 0);
      answers.push({ sent, at: performance.now(), status });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const loops = Array.from({ length: clients }, loop);
  return {
    answers,
    async stop() {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function arrangeOwner(stack: RunningStack): Promise<{ email: string; token: string }> {
  const email = `panne-${Date.now()}@test.liveownerunit.fr`;
  const signUp = await fetch(`${stack.url}/auth/v1/signup`, {
    method: 'POST',
    headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const session = (await signUp.json()) as { access_token?: string; user?: { id: string } };
  if (!session.access_token || !session.user) {
    throw new Error(`sign-up failed: ${signUp.status} ${JSON.stringify(session)}`);
  }
  const db = new pg.Client({ connectionString: stack.dbUrl });
  await db.connect();
  try {
    await db.query(
      `with g as (insert into public.gites (owner_user_id, nom) values ($1, $2) returning id)
       insert into public.reservations
         (owner_user_id, gite_id, date_debut, date_fin, client_nom, plateforme, status)
       select $1, g.id, date '2026-08-01' + n * 10, date '2026-08-05' + n * 10,
              case when n = 0 then $3 else 'Client ' || n end, 'direct', 'confirmed'
       from g, generate_series(0, 4) n`,
      [session.user.id, GITE, GUEST],
    );
  } finally {
    await db.end();
  }
  return { email, token: session.access_token };
}

/** Anything that would be a raw error on screen rather than words for the owner. */
const RAW_ERROR = /upstream|\b50[234]\b|Error|fetch|undefined|null|PGRST|ECONN|JSON/;

export async function postgrestRestartScenario(
  log: FaultLog,
  options: PostgrestRestartOptions,
): Promise<void> {
  const { page } = options;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lou-faults-rest-'));
  const cleanups: Array<() => Promise<unknown>> = [
    () => rm(dataDir, { recursive: true, force: true }),
  ];
  try {
    log.step('start a stack and the app (Vite dev server) wired to it, side by side');
    log.time('stack and app dev server ready');
    // The keys belong to the data dir: made first, the app can start along with the stack.
    const keys = await loadOrCreateKeys(dataDir);
    const [stackStart, appStart] = await Promise.allSettled([
      startStack({
        dataDir,
        portBase: options.portBase,
        seed: false,
        log: (part, line) => {
          // PostgREST's own lines about its death are the fault itself.
          if (part !== 'rest') console.error(`[faults ${part}] ${line}`);
        },
      }),
      startFaultApp({
        port: options.appPort,
        supabaseUrl: `http://127.0.0.1:${portsFrom(options.portBase).gateway}`,
        anonKey: keys.anonKey,
      }),
    ]);
    if (stackStart.status === 'fulfilled') cleanups.push(() => stackStart.value.stop());
    if (appStart.status === 'fulfilled') cleanups.push(() => appStart.value.process.stop());
    if (stackStart.status === 'rejected') throw stackStart.reason;
    if (appStart.status === 'rejected') throw appStart.reason;
    const stack = stackStart.value;
    const app = appStart.value;
    log.stop('stack and app dev server ready');
    const owner = await arrangeOwner(stack);

    log.step(`sign in as an owner with a gîte and 5 stays, open Réservations`);
    log.time('first page (sign-in, Réservations)');
    await page.goto(`${app.url}/connexion?redirectTo=${encodeURIComponent('/reservations')}`);
    await page.getByLabel('E-mail').fill(owner.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText(GUEST).waitFor({ timeout: 60_000 });
    log.stop('first page (sign-in, Réservations)');
    // Gone if the page is reloaded: proves the recovery happens in the same page.
    await page.evaluate(() => {
      (window as unknown as { faultMarker?: string }).faultMarker = 'same page';
    });

    const traffic = startTraffic(stack, owner.token, 6);
    cleanups.push(() => traffic.stop());
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const restPid = stack.parts.postgrest.pid();
    log.step(`SIGKILL PostgREST (pid ${restPid}) under 6 clients reading reservations`);
    const killStartedAt = performance.now();
    await stack.parts.postgrest.kill();
    const killedAt = performance.now();
    log.check(stack.parts.postgrest.pid() === null, 'PostgREST is down');

    log.step('in the app, go to Gîtes (a page not read yet: its request fails)');
    await page.getByRole('link', { name: 'Gîtes' }).first().click();
    const alert = page.getByText(/Impossible de charger/);
    await alert.waitFor({ timeout: 30_000 });
    const shownAfter = performance.now() - killedAt;
    const message = (await alert.innerText()).trim();
    log.seen(
      `the app says, ${formatMs(shownAfter)} after the kill (after its retries): « ${message} »`,
    );
    log.check(!RAW_ERROR.test(message), 'the message is in French words, with no raw error in it');
    log.check(
      /serveur ne répond pas/.test(message),
      'it says the server does not answer for now (not a generic error)',
    );
    log.check(
      await page.getByRole('button', { name: 'Réessayer' }).isVisible(),
      'a « Réessayer » button is offered',
    );
    log.check(
      await page.getByRole('navigation', { name: 'Navigation principale' }).isVisible(),
      'the rest of the app is still there (not a blank page)',
    );
    const bodyText = await page.locator('body').innerText();
    log.check(
      !/upstream|PGRST|ECONNREFUSED/.test(bodyText),
      'no raw server error anywhere on the page',
    );

    log.step('back to Réservations (read before the kill), add a note to a stay and save it');
    await page.getByRole('link', { name: 'Réservations' }).first().click();
    await page.getByText(GUEST).waitFor({ timeout: 20_000 });
    log.check(true, 'the stays read before the kill are still on screen');
    await page.getByRole('button', { name: new RegExp(`^Modifier — ${GUEST}`) }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(GUEST) });
    const note = 'Arrivée tardive, clés chez la voisine';
    await dialog.getByLabel('Notes').fill(note);
    const save = dialog.getByRole('button', { name: 'Enregistrer', exact: true });
    await save.click();
    const saveError = dialog.getByRole('alert');
    await saveError.waitFor({ timeout: 15_000 });
    const saveMessage = (await saveError.innerText()).trim();
    log.seen(`the form says: « ${saveMessage} »`);
    log.check(
      /serveur ne répond pas/.test(saveMessage) && !RAW_ERROR.test(saveMessage),
      'the failed save says the server does not answer, in French words',
    );
    log.check(
      (await dialog.getByLabel('Notes').inputValue()) === note,
      'what the owner typed is kept in the form',
    );

    log.step('start PostgREST again');
    log.time('PostgREST restarted and ready');
    const restartStartedAt = performance.now();
    await stack.parts.postgrest.start();
    const restartedAt = performance.now();
    log.stop('PostgREST restarted and ready');

    log.step('click « Enregistrer » again (the same form, no reload)');
    await save.click();
    await page.getByText(`Réservation de ${GUEST} modifiée.`).waitFor({ timeout: 20_000 });
    log.seen(`saved ${formatMs(performance.now() - restartedAt)} after the restart`);
    log.step('go to Gîtes again');
    await page.getByRole('link', { name: 'Gîtes' }).first().click();
    await page.getByRole('heading', { name: GITE }).waitFor({ timeout: 20_000 });
    log.seen(`the gîte is shown ${formatMs(performance.now() - restartedAt)} after the restart`);
    log.check((await alert.count()) === 0, 'the error message is gone');
    const marker = await page.evaluate(
      () => (window as unknown as { faultMarker?: string }).faultMarker,
    );
    log.check(marker === 'same page', 'recovered in the same page (no reload)');
    const db = new pg.Client({ connectionString: stack.dbUrl });
    await db.connect();
    const { rows } = await db
      .query<{ n: number }>(
        'select count(*)::int as n from public.reservations where client_nom = $1 and notes = $2',
        [GUEST, note],
      )
      .finally(() => db.end());
    log.check(rows[0]?.n === 1, 'the note is saved once, on the stay');

    // The load: failed while down, back to 200 after the restart.
    await waitFor(
      'a traffic answer after the restart',
      async () =>
        traffic.answers.some((a) => a.at > restartedAt && a.status === 200) ? true : undefined,
      15_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    await traffic.stop();
    const before = traffic.answers.filter((a) => a.at < killStartedAt);
    // By when each request was sent and answered: one sent before the kill may still be
    // answered after it (PostgREST had written it), one sent during the restart either way.
    const during = traffic.answers.filter((a) => a.sent >= killedAt && a.at < restartStartedAt);
    const after = traffic.answers.filter((a) => a.sent >= restartStartedAt);
    const statuses = (answers: typeof before) =>
      [...new Set(answers.map((a) => a.status))].sort().join('/') || '—';
    const firstOk = after.find((a) => a.status === 200);
    log.seen(
      `traffic: before ${before.length} requests (${statuses(before)}), while down ${during.length} (${statuses(during)}), after ${after.length} (${statuses(after)})`,
    );
    log.check(
      before.length > 0 && before.every((a) => a.status === 200),
      'before the kill every request succeeded',
    );
    log.check(
      during.length > 0 && during.every((a) => a.status !== 200),
      'while PostgREST was down every request failed (the gateway answers 502)',
    );
    log.check(
      firstOk !== undefined &&
        after.filter((a) => a.sent > (firstOk?.at ?? 0)).every((a) => a.status === 200),
      `after the restart the traffic recovered (first 200 ${formatMs((firstOk?.at ?? restartStartedAt) - restartStartedAt)} after PostgREST was started again) and stayed up`,
    );
  } finally {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch(() => undefined);
    }
  }
}
