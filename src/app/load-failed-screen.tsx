import { appMessages } from '@/app/messages';

/** Shown when the app's own code cannot be downloaded (offline first visit, stale deploy). */
export function LoadFailedScreen() {
  return (
    <main className="centered-page">
      <div className="error-screen" role="alert">
        <h1>{appMessages.loadFailedTitle}</h1>
        <p>{appMessages.loadFailedText}</p>
        <button
          type="button"
          className="button button-primary"
          onClick={() => window.location.reload()}
        >
          {appMessages.reload}
        </button>
      </div>
    </main>
  );
}
