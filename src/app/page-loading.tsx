import { commonMessages } from '@/lib/i18n';

export function PageLoading() {
  return (
    <div className="page-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{commonMessages.loading}</span>
    </div>
  );
}
