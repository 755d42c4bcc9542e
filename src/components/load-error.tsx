import { FormAlert } from '@/components/form-alert';
import { commonMessages, describeError } from '@/lib/i18n';

/** A page's data could not be read: what failed, why in French, and a retry button. */
export function LoadError({
  message,
  error,
  onRetry,
}: {
  message: string;
  error: unknown;
  onRetry: () => void;
}) {
  return (
    <div className="page-state">
      <FormAlert>
        {message} {describeError(error)}
      </FormAlert>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {commonMessages.retry}
      </button>
    </div>
  );
}
