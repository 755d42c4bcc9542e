import { getEnv } from '@/lib/env';
import { browserStorage, forgetConsent, telemetryConfigured } from './consent';

/**
 * "Changer mon choix" for the measurements (withdrawing consent must be as easy as giving
 * it): forgets the choice and reloads, so the banner asks again and nothing more is sent.
 * Renders nothing when no telemetry is configured.
 */
export function TelemetryChoiceButton({ className }: { className?: string }) {
  if (!telemetryConfigured(getEnv())) return null;
  return (
    <button
      type="button"
      className={className}
      onClick={() => {
        forgetConsent(browserStorage());
        window.location.reload();
      }}
    >
      Mesures et rapports d’erreurs : changer mon choix
    </button>
  );
}
