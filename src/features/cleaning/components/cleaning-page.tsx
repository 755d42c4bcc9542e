import { type ReactNode, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { Pager } from '@/components/pager';
import { SelectField } from '@/components/select-field';
import { type Cleaner, useCleaners } from '@/features/cleaning/api/get-cleaners';
import {
  CLEANINGS_PAGE_SIZE,
  type CleaningRow,
  useCleanings,
} from '@/features/cleaning/api/get-cleanings';
import { type CleaningChange, useUpdateCleaning } from '@/features/cleaning/api/update-cleaning';
import {
  cleaningDay,
  nextGuestsText,
  statusLabel,
  timeWindow,
} from '@/features/cleaning/cleaning-format';
import {
  CLEANING_STATUSES,
  type CleaningParams,
  cleaningSearch,
  parseCleaningParams,
} from '@/features/cleaning/cleaning-params';
import { CleanersPanel } from '@/features/cleaning/components/cleaners-panel';
import { DoneForm } from '@/features/cleaning/components/done-form';
import { TaskForm } from '@/features/cleaning/components/task-form';
import { cleaningMessages as m } from '@/features/cleaning/messages';
import { describeError, locale } from '@/lib/i18n';
import { todayIso } from '@/lib/iso-date';
import { useOwnerGites } from '@/lib/owner-gites';
import { clampPage, pageCount } from '@/lib/pagination';
import { useWriteAccess } from '@/lib/pwa/write-access';
import '@/features/cleaning/cleaning.css';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

type Open = { id: string; form: 'edit' | 'done' } | null;

function CleaningItem({
  row,
  cleaners,
  open,
  setOpen,
  onChange,
  onReopen,
}: {
  row: CleaningRow;
  cleaners: Cleaner[];
  open: Open;
  setOpen: (open: Open) => void;
  onChange: (change: CleaningChange, message: string) => Promise<void>;
  /** Reopens the cleaning; a failure is shown by the page (the button has no form). */
  onReopen: () => Promise<void>;
}) {
  const write = useWriteAccess();
  const hours = timeWindow(row.heure_debut, row.heure_fin);
  const editing = open?.id === row.id ? open.form : null;
  return (
    <li className="card cleaning-item" data-status={row.status}>
      <div className="cleaning-head">
        <h2 className="cleaning-title">
          {cleaningDay(row.date)}
          {hours ? <span className="cleaning-window"> · {hours}</span> : null}
        </h2>
        <span className="cleaning-status">{statusLabel(row.status)}</span>
        {row.cleaning_same_day && row.status === 'planned' ? (
          <span className="cleaning-same-day" title={m.sameDayHint}>
            {m.sameDay}
          </span>
        ) : null}
      </div>
      <p className="cleaning-gite">{row.gites?.nom}</p>
      <p className="cleaning-meta">{nextGuestsText(row.cleaning_next_stay)}</p>
      <p className="cleaning-meta">
        {row.cleaners ? (
          <>
            {row.cleaners.nom}
            {row.cleaners.telephone ? ` · ${row.cleaners.telephone}` : null}
          </>
        ) : (
          m.unassigned
        )}
        {row.reservation_id ? null : ` · ${m.manual}`}
      </p>
      {row.notes ? <p className="cleaning-notes">{row.notes}</p> : null}
      {row.status === 'done' && row.done_at ? (
        <p className="cleaning-meta">
          {m.doneAt(dateTime.format(new Date(row.done_at)))}
          {row.done_note ? ` — ${m.doneNote} : ${row.done_note}` : null}
        </p>
      ) : null}
      {editing === 'edit' ? (
        <TaskForm
          row={row}
          cleaners={cleaners}
          onCancel={() => setOpen(null)}
          onSave={(values) => onChange({ kind: 'details', values }, m.saved)}
        />
      ) : editing === 'done' ? (
        <DoneForm
          onCancel={() => setOpen(null)}
          onDone={(note) => onChange({ kind: 'done', note }, m.markedDone)}
        />
      ) : row.status === 'cancelled' ? null : (
        <div className="card-actions">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setOpen({ id: row.id, form: 'edit' })}
          >
            {m.edit}
          </button>
          {row.status === 'planned' ? (
            <button
              type="button"
              className="button button-primary"
              disabled={write.blocked}
              {...write.reasonProps}
              onClick={() => setOpen({ id: row.id, form: 'done' })}
            >
              {m.markDone}
            </button>
          ) : (
            <button
              type="button"
              className="button button-quiet"
              disabled={write.blocked}
              {...write.reasonProps}
              onClick={() => void onReopen()}
            >
              {m.reopen}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/** /menage: the owner's cleanings by day, filtered in the URL, and their cleaners. */
export function CleaningPage() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const today = todayIso();
  const params = parseCleaningParams(searchParams);
  const cleanings = useCleanings(params, today);
  const cleaners = useCleaners();
  const gites = useOwnerGites();
  const update = useUpdateCleaning();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const go = (next: Partial<CleaningParams>) => {
    setOpen(null);
    navigate({ search: cleaningSearch({ ...params, page: 1, ...next }) });
  };

  /** Throws on failure: the form that sent it shows the error. */
  async function change(id: string, cleaningChange: CleaningChange, message: string) {
    setFailure(null);
    await update.mutateAsync({ id, change: cleaningChange });
    setOpen(null);
    setNotice(message);
  }

  async function reopen(id: string) {
    setNotice(null);
    try {
      await change(id, { kind: 'reopen' }, m.reopened);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  const cleanerList = cleaners.data ?? [];
  let list: ReactNode;
  if (cleanings.isPending && cleanings.fetchStatus === 'paused') {
    list = <p className="page-state">{m.offline}</p>;
  } else if (cleanings.isPending) {
    list = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (cleanings.isError) {
    list = (
      <LoadError
        message={m.loadError}
        error={cleanings.error}
        onRetry={() => cleanings.refetch()}
      />
    );
  } else if (cleanings.data.total === 0) {
    const defaults =
      params.period === 'upcoming' &&
      params.status === 'planned' &&
      !params.giteId &&
      !params.cleaner;
    list = <p className="card empty-state">{defaults ? m.emptyUpcoming : m.empty}</p>;
  } else {
    const pages = pageCount(cleanings.data.total, CLEANINGS_PAGE_SIZE);
    const page = clampPage(params.page, cleanings.data.total, CLEANINGS_PAGE_SIZE);
    list = (
      <>
        <p className="cleaning-count">{m.count(cleanings.data.total)}</p>
        <ol className="cleaning-list">
          {cleanings.data.rows.map((row) => (
            <CleaningItem
              key={row.id}
              row={row}
              cleaners={cleanerList}
              open={open}
              setOpen={(next) => {
                setNotice(null);
                setOpen(next);
              }}
              onChange={(cleaningChange, message) => change(row.id, cleaningChange, message)}
              onReopen={() => reopen(row.id)}
            />
          ))}
        </ol>
        <Pager
          label={m.pagerLabel}
          page={page}
          pageCount={pages}
          hrefFor={(target) => cleaningSearch({ ...params, page: target })}
        />
      </>
    );
  }

  return (
    <div className="page cleaning-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <p className="cleaning-intro">{m.intro}</p>
      <div className="cleaning-layout">
        <div>
          <search className="cleaning-filters" aria-label={m.filtersLabel}>
            <SelectField
              label={m.periodLabel}
              value={params.period}
              onChange={(event) =>
                go({ period: event.target.value === 'past' ? 'past' : 'upcoming' })
              }
              options={[
                { value: 'upcoming', label: m.periodUpcoming },
                { value: 'past', label: m.periodPast },
              ]}
            />
            <SelectField
              label={m.statusLabel}
              value={params.status ?? ''}
              onChange={(event) =>
                go({
                  status: CLEANING_STATUSES.find((status) => status === event.target.value) ?? null,
                })
              }
              options={[
                ...CLEANING_STATUSES.map((status) => ({
                  value: status,
                  label: statusLabel(status),
                })),
                { value: '', label: m.statusAll },
              ]}
            />
            <SelectField
              label={m.giteLabel}
              value={params.giteId ?? ''}
              onChange={(event) => go({ giteId: event.target.value || null })}
              options={[
                { value: '', label: m.allGites },
                ...(gites.data ?? []).map((gite) => ({ value: gite.id, label: gite.nom })),
              ]}
            />
            <SelectField
              label={m.cleanerLabel}
              value={params.cleaner ?? ''}
              onChange={(event) =>
                go({
                  cleaner: event.target.value === 'none' ? 'none' : event.target.value || null,
                })
              }
              options={[
                { value: '', label: m.allCleaners },
                { value: 'none', label: m.noCleaner },
                ...cleanerList.map((cleaner) => ({ value: cleaner.id, label: cleaner.nom })),
              ]}
            />
          </search>
          {failure ? <FormAlert>{failure}</FormAlert> : null}
          {notice ? (
            <p className="notice" role="status">
              {notice}
            </p>
          ) : null}
          {list}
        </div>
        <CleanersPanel cleaners={cleanerList} />
      </div>
    </div>
  );
}
