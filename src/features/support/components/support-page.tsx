import { type ReactNode, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { OfflineFormNote } from '@/components/offline-banner';
import { Pager } from '@/components/pager';
import { TextField } from '@/components/text-field';
import { useValidatedForm } from '@/components/use-validated-form';
import { TICKETS_PAGE_SIZE, useTickets } from '@/features/support/api/get-tickets';
import { useCreateTicket } from '@/features/support/api/save-ticket';
import { supportMessages as m } from '@/features/support/messages';
import {
  referenceFromSearch,
  type TicketDraft,
  ticketFormSchema,
} from '@/features/support/support-form-schema';
import { locale } from '@/lib/i18n';
import { clampPage, pageCount } from '@/lib/pagination';
import '@/features/support/support.css';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

function NewTicketForm({ reference, onSent }: { reference: string; onSent: () => void }) {
  const id = useId();
  const create = useCreateTicket();
  const [initial, setInitial] = useState<TicketDraft>({
    sujet: '',
    message: '',
    sentry_event_id: reference,
  });
  const form = useValidatedForm(ticketFormSchema, initial, async (values) => {
    await create.mutateAsync(values);
    const empty = { sujet: '', message: '', sentry_event_id: '' };
    setInitial(empty);
    form.reset(empty);
    onSent();
  });
  const { draft, errors, write } = form;
  return (
    <form
      ref={form.formRef}
      className="card support-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={form.handleSubmit}
    >
      <h2 id={`${id}-title`}>{m.newTitle}</h2>
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <TextField
        id={`${id}-subject`}
        label={m.subject}
        value={draft.sujet}
        error={errors.sujet}
        onChange={(event) => form.setField('sujet', event.target.value)}
      />
      <div className="field">
        <label htmlFor={`${id}-message`}>{m.message}</label>
        <textarea
          id={`${id}-message`}
          rows={5}
          value={draft.message}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={errors.message ? `${id}-message-error` : undefined}
          onChange={(event) => form.setField('message', event.target.value)}
        />
        {errors.message ? (
          <p id={`${id}-message-error`} className="field-error">
            {errors.message}
          </p>
        ) : null}
      </div>
      <TextField
        id={`${id}-reference`}
        label={m.reference}
        hint={m.referenceHint}
        value={draft.sentry_event_id}
        error={errors.sentry_event_id}
        autoComplete="off"
        onChange={(event) => form.setField('sentry_event_id', event.target.value)}
      />
      <div className="form-actions">
        <OfflineFormNote />
        <button
          type="submit"
          className="button button-primary"
          disabled={form.saving || write.blocked}
          {...write.reasonProps}
        >
          {form.saving ? m.sending : m.send}
        </button>
      </div>
    </form>
  );
}

/** /aide: the owner's support requests (the latest activity first) and a new one. */
export function SupportPage() {
  const [searchParams] = useSearchParams();
  const requested = Number(searchParams.get('page') ?? '1');
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1;
  const tickets = useTickets(page);
  const [notice, setNotice] = useState<string | null>(null);
  const titleId = useId();

  let list: ReactNode;
  if (tickets.isPending && tickets.fetchStatus === 'paused') {
    list = <p className="page-state">{m.offline}</p>;
  } else if (tickets.isPending) {
    list = <p className="page-state">{m.loading}</p>;
  } else if (tickets.isError) {
    list = (
      <LoadError message={m.loadError} error={tickets.error} onRetry={() => tickets.refetch()} />
    );
  } else if (tickets.data.total === 0) {
    list = <p>{m.empty}</p>;
  } else {
    const pages = pageCount(tickets.data.total, TICKETS_PAGE_SIZE);
    list = (
      <>
        <ul className="support-list">
          {tickets.data.rows.map((ticket) => (
            <li key={ticket.id}>
              <Link to={`/aide/${ticket.id}`}>{ticket.sujet}</Link>
              <span className="support-status" data-status={ticket.status}>
                {m.status[ticket.status] ?? ticket.status}
              </span>
              <span className="support-meta">
                {m.updated(dateTime.format(new Date(ticket.updated_at)))}
              </span>
            </li>
          ))}
        </ul>
        <Pager
          label={m.pagerLabel}
          page={clampPage(page, tickets.data.total, TICKETS_PAGE_SIZE)}
          pageCount={pages}
          hrefFor={(target) => (target > 1 ? `?page=${target}` : '?')}
        />
      </>
    );
  }

  return (
    <div className="page support-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <p className="support-intro">{m.intro}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="support-layout">
        <section className="card" aria-labelledby={titleId}>
          <h2 id={titleId}>{m.listTitle}</h2>
          {list}
        </section>
        <NewTicketForm
          reference={referenceFromSearch(searchParams)}
          onSent={() => setNotice(m.sent)}
        />
      </div>
    </div>
  );
}
