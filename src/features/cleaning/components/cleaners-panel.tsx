import { type FormEvent, useId, useRef, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { focusFirstInvalid } from '@/components/focus-first-invalid';
import { FormAlert } from '@/components/form-alert';
import { TextField } from '@/components/text-field';
import {
  cleanerLinkUrl,
  useCreateCleanerLink,
  useRevokeCleanerLink,
} from '@/features/cleaning/api/cleaner-link';
import type { Cleaner } from '@/features/cleaning/api/get-cleaners';
import { useDeleteCleaner, useSaveCleaner } from '@/features/cleaning/api/save-cleaner';
import {
  type CleanerDraft,
  type CleanerField,
  cleanerFormSchema,
} from '@/features/cleaning/cleaning-form-schema';
import { cleaningMessages as m } from '@/features/cleaning/messages';
import { type FieldErrors, validateForm } from '@/lib/form-validation';
import { describeError, locale } from '@/lib/i18n';
import { useDirtyForm } from '@/lib/pwa/dirty-forms';
import { useWriteAccess } from '@/lib/pwa/write-access';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
const EMPTY: CleanerDraft = { nom: '', telephone: '' };

function AddCleanerForm() {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors<CleanerField>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const save = useSaveCleaner();
  const write = useWriteAccess();
  useDirtyForm(draft.nom !== '' || draft.telephone !== '');

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending || write.blocked) return;
    const result = validateForm(cleanerFormSchema, draft);
    if (!result.ok) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      await save.mutateAsync({ values: result.value });
      setDraft(EMPTY);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <form ref={formRef} className="cleaner-add" noValidate onSubmit={handleSubmit}>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      <TextField
        id={`${id}-nom`}
        label={m.cleanerName}
        value={draft.nom}
        error={errors.nom}
        autoComplete="off"
        onChange={(event) => setDraft({ ...draft, nom: event.target.value })}
      />
      <TextField
        id={`${id}-tel`}
        label={m.cleanerPhone}
        type="tel"
        value={draft.telephone}
        error={errors.telephone}
        onChange={(event) => setDraft({ ...draft, telephone: event.target.value })}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={save.isPending || write.blocked}
        {...write.reasonProps}
      >
        {save.isPending ? m.saving : m.addCleaner}
      </button>
    </form>
  );
}

function linkState(cleaner: Cleaner): string {
  if (cleaner.has_link && cleaner.link_created_at) {
    const opened = cleaner.link_opened_at
      ? m.linkOpened(dateTime.format(new Date(cleaner.link_opened_at)))
      : m.linkNever;
    return `${m.linkActive(dateTime.format(new Date(cleaner.link_created_at)))}, ${opened}`;
  }
  return cleaner.link_revoked_at ? m.linkRevoked : m.linkNone;
}

function CleanerItem({ cleaner }: { cleaner: Cleaner }) {
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const createLink = useCreateCleanerLink();
  const revokeLink = useRevokeCleanerLink();
  const remove = useDeleteCleaner();
  const write = useWriteAccess();
  const busy = createLink.isPending || revokeLink.isPending;

  async function run(action: () => Promise<void>) {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  return (
    <li className="cleaner-item">
      <div className="cleaner-head">
        <strong>{cleaner.nom}</strong>
        {cleaner.telephone ? <a href={`tel:${cleaner.telephone}`}>{cleaner.telephone}</a> : null}
      </div>
      <p className="cleaner-link-state">{linkState(cleaner)}</p>
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {link ? (
        <div className="cleaner-link">
          <p>{m.linkReady}</p>
          <input
            readOnly
            aria-label={m.linkLabel(cleaner.nom)}
            value={link}
            onFocus={(event) => event.target.select()}
          />
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              run(async () => {
                await navigator.clipboard.writeText(link);
                setCopied(true);
              })
            }
          >
            {m.linkCopy}
          </button>
          {copied ? <span role="status">{m.linkCopied}</span> : null}
        </div>
      ) : null}
      <div className="card-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy || write.blocked}
          {...write.reasonProps}
          onClick={() =>
            run(async () => {
              const token = await createLink.mutateAsync(cleaner.id);
              setCopied(false);
              setLink(cleanerLinkUrl(window.location.origin, token));
            })
          }
        >
          {cleaner.has_link ? m.linkRenew : m.linkCreate}
        </button>
        {cleaner.has_link ? (
          <button
            type="button"
            className="button button-quiet"
            disabled={busy || write.blocked}
            {...write.reasonProps}
            onClick={() =>
              run(async () => {
                await revokeLink.mutateAsync(cleaner.id);
                setLink(null);
              })
            }
          >
            {m.linkRevoke}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={() => setConfirmDelete(true)}
        >
          {m.deleteCleaner}
        </button>
      </div>
      {confirmDelete ? (
        <ConfirmDialog
          title={m.deleteCleanerTitle(cleaner.nom)}
          description={m.deleteCleanerWarning}
          keepLabel={m.deleteCleanerKeep}
          confirmLabel={m.deleteCleanerConfirm}
          pendingLabel={m.deleting}
          isPending={remove.isPending}
          onConfirm={() => remove.mutateAsync(cleaner.id)}
          onClose={() => setConfirmDelete(false)}
        />
      ) : null}
    </li>
  );
}

/** The owner's cleaners: add one, give or take back their secret link, delete one. */
export function CleanersPanel({ cleaners }: { cleaners: Cleaner[] }) {
  const titleId = useId();
  return (
    <section className="card cleaners-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{m.cleanersTitle}</h2>
      <p className="field-hint">{m.cleanersHint}</p>
      {cleaners.length === 0 ? (
        <p>{m.noCleaners}</p>
      ) : (
        <ul className="cleaner-list">
          {cleaners.map((cleaner) => (
            <CleanerItem key={cleaner.id} cleaner={cleaner} />
          ))}
        </ul>
      )}
      <AddCleanerForm />
    </section>
  );
}
