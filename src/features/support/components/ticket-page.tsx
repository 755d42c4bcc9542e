import { type ReactNode, useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { useValidatedForm } from '@/components/use-validated-form';
import { type TicketMessage, useTicket } from '@/features/support/api/get-ticket';
import { useAddAnswer, useCloseTicket } from '@/features/support/api/save-ticket';
import { supportMessages as m } from '@/features/support/messages';
import { answerFormSchema } from '@/features/support/support-form-schema';
import { describeError, locale } from '@/lib/i18n';
import { isUuid } from '@/lib/uuid';
import '@/features/support/support.css';

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });

function Message({ who, when, text }: { who: string; when: string; text: string }) {
  return (
    <li className="support-message">
      <p className="support-meta">
        <strong>{who}</strong> · {dateTime.format(new Date(when))}
      </p>
      <p className="support-text">{text}</p>
    </li>
  );
}

function AnswerForm({ ticketId, onSent }: { ticketId: string; onSent: () => void }) {
  const id = useId();
  const answer = useAddAnswer(ticketId);
  const form = useValidatedForm(answerFormSchema, { message: '' }, async ({ message }) => {
    await answer.mutateAsync(message);
    form.reset({ message: '' });
    onSent();
  });
  return (
    <form ref={form.formRef} className="support-answer" noValidate onSubmit={form.handleSubmit}>
      {form.formError ? <FormAlert>{form.formError}</FormAlert> : null}
      <div className="field">
        <label htmlFor={`${id}-answer`}>{m.answerLabel}</label>
        <textarea
          id={`${id}-answer`}
          rows={4}
          value={form.draft.message}
          aria-invalid={form.errors.message ? true : undefined}
          onChange={(event) => form.setField('message', event.target.value)}
        />
        {form.errors.message ? <p className="field-error">{form.errors.message}</p> : null}
      </div>
      <button
        type="submit"
        className="button button-primary"
        disabled={form.saving || form.write.blocked}
        {...form.write.reasonProps}
      >
        {form.saving ? m.sending : m.answer}
      </button>
    </form>
  );
}

/** /aide/:ticketId: one request and its thread; the owner answers or closes it. */
export function TicketPage() {
  const { ticketId = '' } = useParams();
  const valid = isUuid(ticketId);
  const ticket = useTicket(valid ? ticketId : '00000000-0000-0000-0000-000000000000');
  const close = useCloseTicket(ticketId);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  let content: ReactNode;
  if (!valid || (ticket.isSuccess && ticket.data === null)) {
    content = <FormAlert>{m.notFound}</FormAlert>;
  } else if (ticket.isPending) {
    content = <p className="page-state">{m.loading}</p>;
  } else if (ticket.isError) {
    content = (
      <LoadError
        message={m.ticketLoadError}
        error={ticket.error}
        onRetry={() => ticket.refetch()}
      />
    );
  } else if (ticket.data) {
    const { ticket: t, messages } = ticket.data;
    const closed = t.status === 'closed';
    content = (
      <>
        <h1>{t.sujet}</h1>
        <p>
          <span className="support-status" data-status={t.status}>
            {m.status[t.status] ?? t.status}
          </span>
          {t.sentry_event_id ? (
            <span className="support-meta"> · {m.referenceShown(t.sentry_event_id)}</span>
          ) : null}
        </p>
        <ol className="support-thread">
          <Message who={m.you} when={t.created_at} text={t.message} />
          {messages.map((message: TicketMessage) => (
            <Message
              key={message.id}
              who={message.auteur === 'support' ? m.supportTeam : m.you}
              when={message.created_at}
              text={message.message}
            />
          ))}
        </ol>
        {closed ? (
          <p className="support-meta">{m.closedNote}</p>
        ) : (
          <>
            <AnswerForm ticketId={t.id} onSent={() => setNotice(m.answered)} />
            <button
              type="button"
              className="button button-secondary"
              disabled={close.isPending}
              onClick={async () => {
                setFailure(null);
                try {
                  await close.mutateAsync();
                  setNotice(m.closed);
                } catch (error) {
                  setFailure(describeError(error));
                }
              }}
            >
              {m.close}
            </button>
          </>
        )}
      </>
    );
  }

  return (
    <div className="page support-page">
      <p>
        <Link to="/aide">← {m.back}</Link>
      </p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {content}
    </div>
  );
}
