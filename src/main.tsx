import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/app/app.css';
import { ConfigErrorScreen } from '@/app/config-error-screen';
import { LoadFailedScreen } from '@/app/load-failed-screen';
import { envResult } from '@/lib/env';
import { reportError } from '@/lib/report-error';
import { scheduleTelemetry } from '@/lib/telemetry/schedule';

const container = document.getElementById('root');
if (!container) throw new Error('index.html doit contenir <div id="root">');
const root = createRoot(container);

if (!envResult.ok) {
  // Nothing that talks to Supabase is loaded without a valid configuration.
  root.render(<ConfigErrorScreen problems={envResult.problems} />);
} else {
  const { env } = envResult;
  import('@/app/app')
    .then(({ App }) => {
      root.render(
        <StrictMode>
          <App />
        </StrictMode>,
      );
      // Sentry / Web Vitals: after the first render, and only with the owner's consent.
      scheduleTelemetry(env);
    })
    .catch((error: unknown) => {
      reportError(error, 'chargement');
      root.render(<LoadFailedScreen />);
    });
}
