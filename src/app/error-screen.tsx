import { appMessages } from '@/app/messages';
import { isStaleChunkError } from '@/app/stale-chunk';

interface ErrorScreenProps {
  error: unknown;
  eventId?: string | undefined;
  onRetry: () => void;
}

/** What the owner sees when a page crashes: words, a retry, and a reload. */
export function ErrorScreen({ error, eventId, onRetry }: ErrorScreenProps) {
  const stale = isStaleChunkError(error);
  return (
    <div className="error-screen" role="alert">
      <h1>{stale ? appMessages.staleTitle : appMessages.errorTitle}</h1>
      <p>{stale ? appMessages.staleText : appMessages.errorText}</p>
      {eventId ? (
        <p className="error-reference">
          {appMessages.errorReference} <code>{eventId}</code>{' '}
          {/* A full page load: after a crash, the app's state is not to be trusted. */}
          <a href={`/aide?erreur=${encodeURIComponent(eventId)}`}>{appMessages.contactSupport}</a>
        </p>
      ) : null}
      <div className="form-actions">
        {stale ? null : (
          <button type="button" className="button button-primary" onClick={onRetry}>
            {appMessages.retry}
          </button>
        )}
        <button
          type="button"
          className={stale ? 'button button-primary' : 'button button-secondary'}
          onClick={() => window.location.reload()}
        >
          {appMessages.reload}
        </button>
      </div>
    </div>
  );
}
