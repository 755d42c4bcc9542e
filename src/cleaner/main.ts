/**
 * A cleaner's page at /m/<token>: no account, no owner-app code. Their coming tasks
 * (`cleaner_tasks`) and the "done" button (`cleaner_mark_done`), two plain fetches to the
 * API with the anon key; every value shown as text.
 */
import './cleaner.css';
import { guestEnv } from '../guest/guest-env';
import { cleanerMessages as m } from './messages';
import { renderMessage, renderPage } from './render';
import { parseCleanerPage, tokenFromPath } from './tasks-answer';

const root = document.getElementById('cleaner');
if (!root) throw new Error('cleaner.html doit contenir <main id="cleaner">');
const main = root;
document.title = m.htmlTitle;

function today(): string {
  // The cleaner's local day (the database checks "from the day before" on its own clock).
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

async function rpc(name: string, body: Record<string, unknown>): Promise<Response> {
  const env = guestEnv();
  if (!env) throw new Error('config');
  return fetch(`${env.apiUrl}/rest/v1/rpc/${name}`, {
    method: 'POST',
    headers: {
      apikey: env.anonKey,
      authorization: `Bearer ${env.anonKey}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
}

async function load(token: string): Promise<void> {
  if (!guestEnv()) {
    main.replaceChildren(...renderMessage(m.misconfigured));
    return;
  }
  main.replaceChildren(...renderMessage(m.loading));
  let answer: unknown;
  try {
    const response = await rpc('cleaner_tasks', { p_token: token });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    answer = await response.json();
  } catch {
    main.replaceChildren(...renderMessage(m.network, () => void load(token)));
    return;
  }
  const page = parseCleanerPage(answer);
  if (!page) {
    main.replaceChildren(...renderMessage(m.invalid));
    return;
  }
  main.replaceChildren(
    ...renderPage(page, {
      today: today(),
      markDone: async (task, note) => {
        try {
          const response = await rpc('cleaner_mark_done', {
            p_token: token,
            p_task_id: task.id,
            p_note: note.trim() === '' ? null : note,
          });
          if (response.status === 400) return m.noteTooLong;
          if (!response.ok) return m.network;
          const result: unknown = await response.json();
          if (result === null) {
            await load(token);
            return m.refused;
          }
        } catch {
          return m.network;
        }
        await load(token);
        return null;
      },
    }),
  );
}

const token = tokenFromPath(location.pathname);
if (token) void load(token);
else main.replaceChildren(...renderMessage(m.invalid));
