import { type ReactNode, useState } from 'react';
import { LoadError } from '@/components/load-error';
import { type GiteWithFeeds, useGites } from '@/features/gites/api/get-gites';
import { useSaveGite } from '@/features/gites/api/save-gite';
import { DeleteGiteDialog } from '@/features/gites/components/delete-gite-dialog';
import { GiteCard } from '@/features/gites/components/gite-card';
import { GiteForm } from '@/features/gites/components/gite-form';
import { giteToDraft } from '@/features/gites/gite-draft';
import { emptyGiteDraft } from '@/features/gites/gite-form-schema';
import { gitesMessages as m } from '@/features/gites/messages';
import { useNow } from '@/features/gites/use-now';
import '@/features/gites/gites.css';
import { commonMessages, describeError } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; id: string };

function CreateGite({
  existingCount,
  onDone,
}: {
  existingCount: number;
  onDone: (nom: string | null) => void;
}) {
  const saveGite = useSaveGite();
  return (
    <GiteForm
      title={m.newGiteTitle}
      initial={emptyGiteDraft(existingCount)}
      submitLabel={m.submitCreate}
      isSaving={saveGite.isPending}
      onSave={async (values) => {
        await saveGite.mutateAsync({ values });
        onDone(values.nom);
      }}
      describeSaveError={describeError}
      onCancel={() => onDone(null)}
    />
  );
}

function EditGite({ gite, onDone }: { gite: GiteWithFeeds; onDone: (nom: string | null) => void }) {
  const saveGite = useSaveGite();
  return (
    <GiteForm
      title={m.editGiteTitle(gite.nom)}
      initial={giteToDraft(gite)}
      submitLabel={m.submitUpdate}
      isSaving={saveGite.isPending}
      onSave={async (values) => {
        await saveGite.mutateAsync({ id: gite.id, values });
        onDone(values.nom);
      }}
      describeSaveError={describeError}
      onCancel={() => onDone(null)}
    />
  );
}

/** /gites: the owner's gîtes and their calendars; add, edit, delete. */
export function GitesPage() {
  const gites = useGites();
  const now = useNow();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [deleting, setDeleting] = useState<GiteWithFeeds | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const write = useWriteAccess();

  function finish(message: string | null) {
    setMode({ kind: 'list' });
    setNotice(message);
  }

  let content: ReactNode;
  if (gites.isPending && gites.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (gites.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  } else if (gites.isError) {
    content = (
      <LoadError message={m.loadError} error={gites.error} onRetry={() => gites.refetch()} />
    );
  } else if (gites.data.length === 0 && mode.kind !== 'create') {
    content = (
      <div className="card empty-state">
        <p>
          <strong>{m.empty}</strong>
        </p>
        <p>{m.emptyHint}</p>
      </div>
    );
  } else {
    content = (
      <ul className="gite-list">
        {gites.data.map((gite) => (
          <li
            key={gite.id}
            className={mode.kind === 'edit' && mode.id === gite.id ? 'is-editing' : undefined}
          >
            {mode.kind === 'edit' && mode.id === gite.id ? (
              <EditGite gite={gite} onDone={(nom) => finish(nom ? m.updated(nom) : null)} />
            ) : (
              <GiteCard
                gite={gite}
                now={now}
                onEdit={() => {
                  setNotice(null);
                  setMode({ kind: 'edit', id: gite.id });
                }}
                onDelete={() => {
                  setNotice(null);
                  setDeleting(gite);
                }}
              />
            )}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
        {mode.kind === 'create' ? null : (
          <button
            type="button"
            className="button button-primary"
            disabled={write.blocked}
            {...write.reasonProps}
            onClick={() => {
              setNotice(null);
              setMode({ kind: 'create' });
            }}
          >
            + {m.add}
          </button>
        )}
      </div>
      <p className="notice" role="status">
        {notice}
      </p>
      {mode.kind === 'create' ? (
        <CreateGite
          existingCount={gites.data?.length ?? 0}
          onDone={(nom) => finish(nom ? m.created(nom) : null)}
        />
      ) : null}
      {content}
      {deleting ? (
        <DeleteGiteDialog
          gite={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(m.deleted(deleting.nom));
            setDeleting(null);
          }}
        />
      ) : null}
    </div>
  );
}
