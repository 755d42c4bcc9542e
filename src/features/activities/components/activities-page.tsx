import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import { SelectField } from '@/components/select-field';
import {
  ACTIVITY_CATEGORIES,
  type ActivityRow,
  activityToDraft,
  categoryLabel,
  formatDistance,
} from '@/features/activities/activity-form-schema';
import { useDeleteActivity } from '@/features/activities/api/delete-activity';
import {
  activityQueries,
  useActivitiesPage,
  useActivityGite,
} from '@/features/activities/api/get-activities';
import { useSaveActivity } from '@/features/activities/api/save-activity';
import { ActivityForm } from '@/features/activities/components/activity-form';
import {
  type ActivityListParams,
  activityParamsSearch,
  parseActivityParams,
} from '@/features/activities/list-params';
import { activitiesMessages as m } from '@/features/activities/messages';
import '@/features/activities/activities.css';
import { commonMessages } from '@/lib/i18n';
import { useWriteAccess } from '@/lib/pwa/write-access';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; row: ActivityRow };

const FILTER_OPTIONS = [
  { value: '', label: m.allCategories },
  ...ACTIVITY_CATEGORIES.map((value) => ({ value, label: categoryLabel(value) })),
];

/** One activity: every value the owner typed is rendered as text. */
function ActivityCard({
  row,
  onEdit,
  onDelete,
}: {
  row: ActivityRow;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const write = useWriteAccess();
  const titleId = `activity-${row.id}-title`;
  return (
    <article className="card activity-card" aria-labelledby={titleId}>
      <header className="activity-card-header">
        <h3 id={titleId}>{row.nom}</h3>
        <span className="activity-category" data-category={row.categorie}>
          {categoryLabel(row.categorie)}
        </span>
      </header>
      {row.distance_km !== null ? (
        <p className="activity-meta">{m.distance(formatDistance(row.distance_km))}</p>
      ) : null}
      {row.description ? <p className="activity-description">{row.description}</p> : null}
      {row.adresse ? <p className="activity-meta">{row.adresse}</p> : null}
      {row.telephone ? <p className="activity-meta">{row.telephone}</p> : null}
      {row.url ? (
        <p className="activity-meta">
          <a href={row.url} target="_blank" rel="noopener noreferrer" className="activity-url">
            {row.url}
          </a>
        </p>
      ) : null}
      <div className="card-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={onEdit}
        >
          {m.edit}
          <span className="visually-hidden"> « {row.nom} »</span>
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={onDelete}
        >
          {m.delete}
          <span className="visually-hidden"> « {row.nom} »</span>
        </button>
      </div>
    </article>
  );
}

/**
 * /gites/:giteId/activites: the activities near a gîte, filtered by category (in the URL, so
 * reload and back keep it), 10 a page read with range(); add, edit, delete.
 */
export function ActivitiesPage({ giteId }: { giteId: string }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = parseActivityParams(searchParams);
  const gite = useActivityGite(giteId);
  const list = useActivitiesPage(giteId, params);
  const saveActivity = useSaveActivity();
  const deleteActivity = useDeleteActivity();
  const write = useWriteAccess();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [deleting, setDeleting] = useState<ActivityRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const go = (next: ActivityListParams) => setSearchParams(activityParamsSearch(next));

  if (gite.data === null) {
    return (
      <div className="page">
        <h1>{m.pageTitle}</h1>
        <p className="page-state">{m.giteNotFound}</p>
      </div>
    );
  }

  let content: ReactNode;
  if (list.isPending && list.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (list.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  } else if (list.isError) {
    content = <LoadError message={m.loadError} error={list.error} onRetry={() => list.refetch()} />;
  } else if (list.data.total === 0) {
    content = <p className="card empty-state">{params.categorie ? m.emptyFiltered : m.empty}</p>;
  } else {
    const { page, pageCount, total, rows } = list.data;
    content = (
      <>
        <p className="activity-total">{m.total(total)}</p>
        <ul className="activity-list">
          {rows.map((row) => (
            <li key={row.id}>
              {mode.kind === 'edit' && mode.row.id === row.id ? (
                <ActivityForm
                  title={m.editTitle(row.nom)}
                  initial={activityToDraft(row)}
                  submitLabel={m.save}
                  onSave={async (values) => {
                    await saveActivity.mutateAsync({ giteId, id: row.id, values });
                    setMode({ kind: 'list' });
                    setNotice(m.updated(values.nom));
                  }}
                  onCancel={() => setMode({ kind: 'list' })}
                />
              ) : (
                <ActivityCard
                  row={row}
                  onEdit={() => {
                    setNotice(null);
                    setMode({ kind: 'edit', row });
                  }}
                  onDelete={() => {
                    setNotice(null);
                    setDeleting(row);
                  }}
                />
              )}
            </li>
          ))}
        </ul>
        {pageCount > 1 ? <p className="activity-total">{m.page(page, pageCount)}</p> : null}
        <Pager
          label={m.pagerLabel}
          page={page}
          pageCount={pageCount}
          hrefFor={(target) => activityParamsSearch({ ...params, page: target }) || '?'}
          onIntent={(target) =>
            void queryClient.prefetchQuery(
              activityQueries.page(giteId, { ...params, page: target }),
            )
          }
        />
      </>
    );
  }

  return (
    <div className="page activities-page">
      <div className="page-header">
        <h1>{gite.data ? m.heading(gite.data.nom) : m.pageTitle}</h1>
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
      <p className="field-hint">{m.intro}</p>
      <p className="notice" role="status">
        {notice}
      </p>
      {mode.kind === 'create' ? (
        <ActivityForm
          title={m.newTitle}
          initial={activityToDraft(null, params.categorie ?? undefined)}
          submitLabel={m.create}
          onSave={async (values) => {
            await saveActivity.mutateAsync({ giteId, values });
            setMode({ kind: 'list' });
            setNotice(m.created(values.nom));
          }}
          onCancel={() => setMode({ kind: 'list' })}
        />
      ) : null}
      <div className="activity-filters">
        <SelectField
          label={m.filterLabel}
          value={params.categorie ?? ''}
          options={FILTER_OPTIONS}
          onChange={(event) => {
            const value = event.target.value;
            go({
              categorie: (ACTIVITY_CATEGORIES as readonly string[]).includes(value)
                ? (value as ActivityListParams['categorie'])
                : null,
              page: 1,
            });
          }}
        />
      </div>
      {content}
      {deleting ? (
        <ConfirmDialog
          title={m.deleteTitle(deleting.nom)}
          description={m.deleteText}
          keepLabel={m.deleteKeep}
          confirmLabel={m.delete}
          pendingLabel={m.deleting}
          isPending={deleteActivity.isPending}
          onConfirm={async () => {
            await deleteActivity.mutateAsync(deleting.id);
            setNotice(m.deleted(deleting.nom));
            setDeleting(null);
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
