import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form-alert';
import {
  useCreateExportLink,
  useExportLink,
  useRevokeExportLink,
} from '@/features/gites/api/export-link';
import { exportLinkUrl } from '@/features/gites/export-link';
import { gitesMessages as m } from '@/features/gites/messages';
import { getEnv } from '@/lib/env';
import { describeError, formatDateTime } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';

/**
 * The gîte's calendar export: the secret link to paste into Airbnb, Booking.com… so that
 * what is booked elsewhere (and direct bookings) closes the dates there too. Making a new
 * link or turning it off asks first: the platforms that use the old one stop seeing updates.
 */
export function ExportLinkPanel({ giteId, giteName }: { giteId: string; giteName: string }) {
  const link = useExportLink(giteId);
  const create = useCreateExportLink();
  const revoke = useRevokeExportLink();
  const [confirm, setConfirm] = useState<'replace' | 'revoke' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const write = useWriteAccess();
  const url = link.data ? exportLinkUrl(getEnv().VITE_SUPABASE_URL, link.data.token) : null;

  async function makeLink() {
    setError(null);
    setCopied(false);
    try {
      await create.mutateAsync(giteId);
    } catch (failure) {
      setError(describeError(failure));
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setError(m.exportCopyFailed);
    }
  }

  return (
    <section className="export-link" aria-label={m.exportTitle(giteName)}>
      <h3 className="feeds-title">{m.exportHeading}</h3>
      <p className="gite-meta">{m.exportHelp}</p>
      {error ? <FormAlert>{error}</FormAlert> : null}
      {link.isPending ? (
        <p className="gite-meta">{m.exportLoading}</p>
      ) : link.isError ? (
        <FormAlert>{describeError(link.error)}</FormAlert>
      ) : url && link.data ? (
        <>
          <label className="export-link-field">
            <span className="visually-hidden">{m.exportUrlLabel(giteName)}</span>
            <input type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p className="gite-meta">
            {link.data.last_fetched_at
              ? m.exportLastFetched(formatDateTime(link.data.last_fetched_at))
              : m.exportNeverFetched}
          </p>
          <div className="card-actions">
            <button type="button" className="button button-secondary" onClick={() => void copy()}>
              {copied ? m.exportCopied : m.exportCopy}
            </button>
            <button
              type="button"
              className="button button-quiet"
              disabled={write.blocked}
              {...write.reasonProps}
              onClick={() => setConfirm('replace')}
            >
              {m.exportReplace}
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={write.blocked}
              {...write.reasonProps}
              onClick={() => setConfirm('revoke')}
            >
              {m.exportRevoke}
            </button>
          </div>
        </>
      ) : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void makeLink()}
          disabled={create.isPending || write.blocked}
          {...write.reasonProps}
        >
          {create.isPending ? m.exportCreating : m.exportCreate}
        </button>
      )}
      {confirm ? (
        <ConfirmDialog
          title={confirm === 'replace' ? m.exportReplaceTitle : m.exportRevokeTitle}
          description={m.exportConfirmWarning}
          keepLabel={m.cancel}
          confirmLabel={confirm === 'replace' ? m.exportReplace : m.exportRevoke}
          pendingLabel={m.saving}
          isPending={create.isPending || revoke.isPending}
          onConfirm={async () => {
            if (confirm === 'replace') await create.mutateAsync(giteId);
            else await revoke.mutateAsync(giteId);
            setCopied(false);
            setConfirm(null);
          }}
          onClose={() => setConfirm(null)}
        />
      ) : null}
    </section>
  );
}
