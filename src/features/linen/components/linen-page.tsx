import { type ReactNode, useId, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form-alert';
import { LoadError } from '@/components/load-error';
import { useLinen } from '@/features/linen/api/get-linen';
import { type LinenChange, useChangeLinen } from '@/features/linen/api/save-linen';
import { LinenForm } from '@/features/linen/components/linen-form';
import { EMPTY_LINEN, linenDraft } from '@/features/linen/linen-form-schema';
import { type LinenLine, type LinenWarning, linenView } from '@/features/linen/linen-model';
import { linenMessages as m } from '@/features/linen/messages';
import { describeError } from '@/lib/i18n';
import { todayIso } from '@/lib/iso-date';
import { useWriteAccess } from '@/lib/pwa/write-access';
import '@/features/linen/linen.css';

type Editing = { kind: 'add'; giteId: string } | { kind: 'edit'; id: string } | null;

function warningText(warning: LinenWarning): string {
  const { stock, need } = warning.line;
  return warning.kind === 'shortfall'
    ? m.shortfall(stock.article, warning.gite, need, stock.quantite_propre)
    : m.belowThreshold(stock.article, warning.gite, stock.quantite_propre, stock.seuil_alerte);
}

function Warnings({ warnings }: { warnings: LinenWarning[] }) {
  const id = useId();
  return (
    <section className="card linen-week" aria-labelledby={id}>
      <h2 id={id}>{m.weekTitle}</h2>
      {warnings.length === 0 ? (
        <p>{m.allGood}</p>
      ) : (
        <ul className="linen-warnings">
          {warnings.map((warning) => (
            <li key={warning.line.stock.id} data-kind={warning.kind}>
              {warningText(warning)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function StockRow({
  line,
  onEdit,
  onChange,
  onDelete,
}: {
  line: LinenLine;
  onEdit: () => void;
  onChange: (change: LinenChange, message: string) => Promise<void>;
  onDelete: () => void;
}) {
  const { stock } = line;
  const write = useWriteAccess();
  const short = line.shortfall > 0;
  return (
    <tr data-short={short ? 'true' : undefined}>
      <th scope="row">{stock.article}</th>
      <td>{stock.quantite_en_service}</td>
      <td>{stock.quantite_propre}</td>
      <td>{stock.quantite_sale}</td>
      <td>{stock.seuil_alerte}</td>
      <td>{stock.besoin_par_sejour}</td>
      <td>{stock.besoin_par_personne}</td>
      <td>{line.need}</td>
      <td className="linen-actions">
        <button type="button" className="button button-quiet" onClick={onEdit}>
          {m.edit}
        </button>
        {stock.quantite_sale > 0 ? (
          <button
            type="button"
            className="button button-quiet"
            title={m.washedHint}
            disabled={write.blocked}
            {...write.reasonProps}
            onClick={() =>
              onChange(
                {
                  kind: 'washed',
                  id: stock.id,
                  clean: stock.quantite_propre,
                  dirty: stock.quantite_sale,
                },
                m.washedDone(stock.article),
              )
            }
          >
            {m.washed}
          </button>
        ) : null}
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={write.blocked}
          {...write.reasonProps}
          onClick={onDelete}
        >
          {m.delete}
        </button>
      </td>
    </tr>
  );
}

/** /linge: each gîte's linen, and what the coming week's arrivals need. */
export function LinenPage() {
  const today = todayIso();
  const linen = useLinen(today);
  const change = useChangeLinen();
  const write = useWriteAccess();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<LinenLine | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function apply(linenChange: LinenChange, message: string) {
    setFailure(null);
    setNotice(null);
    try {
      await change.mutateAsync(linenChange);
      setNotice(message);
    } catch (error) {
      setFailure(describeError(error));
    }
  }

  async function save(linenChange: LinenChange) {
    // A form shows its own error: let it throw there.
    await change.mutateAsync(linenChange);
    setEditing(null);
    setNotice(m.saved);
  }

  let content: ReactNode;
  if (linen.isPending && linen.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (linen.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {m.loading}
      </p>
    );
  } else if (linen.isError) {
    content = (
      <LoadError message={m.loadError} error={linen.error} onRetry={() => linen.refetch()} />
    );
  } else if (linen.data.gites.length === 0) {
    content = (
      <p className="card empty-state">
        {m.noGite} <Link to="/gites">Gîtes</Link>
      </p>
    );
  } else {
    const view = linenView(linen.data.gites, linen.data.stocks, linen.data.forecast);
    content = (
      <>
        <Warnings warnings={view.warnings} />
        {view.gites.map(({ gite, lines }) => (
          <section key={gite.id} className="card linen-gite" aria-label={gite.nom}>
            <h2>{gite.nom}</h2>
            {lines.length === 0 ? (
              <p>{m.noArticle}</p>
            ) : (
              <div className="linen-table-wrap">
                <table className="linen-table">
                  <thead>
                    <tr>
                      <th scope="col">{m.article}</th>
                      <th scope="col">{m.inUse}</th>
                      <th scope="col">{m.clean}</th>
                      <th scope="col">{m.dirty}</th>
                      <th scope="col">{m.threshold}</th>
                      <th scope="col">{m.perStay}</th>
                      <th scope="col">{m.perGuest}</th>
                      <th scope="col">{m.weekNeed}</th>
                      <th scope="col">{m.actions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lines.map((line) => (
                      <StockRow
                        key={line.stock.id}
                        line={line}
                        onEdit={() => setEditing({ kind: 'edit', id: line.stock.id })}
                        onChange={apply}
                        onDelete={() => setDeleting(line)}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {lines.map((line) =>
              editing?.kind === 'edit' && editing.id === line.stock.id ? (
                <LinenForm
                  key={line.stock.id}
                  title={m.editTitle(line.stock.article)}
                  initial={linenDraft(line.stock)}
                  onCancel={() => setEditing(null)}
                  onSave={(values) => save({ kind: 'edit', id: line.stock.id, values })}
                />
              ) : null,
            )}
            {editing?.kind === 'add' && editing.giteId === gite.id ? (
              <LinenForm
                title={m.addTitle(gite.nom)}
                initial={EMPTY_LINEN}
                onCancel={() => setEditing(null)}
                onSave={(values) => save({ kind: 'add', giteId: gite.id, values })}
              />
            ) : (
              <button
                type="button"
                className="button button-secondary"
                disabled={write.blocked}
                {...write.reasonProps}
                onClick={() => setEditing({ kind: 'add', giteId: gite.id })}
              >
                {m.addArticle}
              </button>
            )}
          </section>
        ))}
      </>
    );
  }

  return (
    <div className="page linen-page">
      <div className="page-header">
        <h1>{m.pageTitle}</h1>
      </div>
      <p className="linen-intro">{m.intro}</p>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {failure ? <FormAlert>{failure}</FormAlert> : null}
      {content}
      {deleting ? (
        <ConfirmDialog
          title={m.deleteTitle(deleting.stock.article)}
          description={m.deleteWarning}
          keepLabel={m.deleteKeep}
          confirmLabel={m.deleteConfirm}
          pendingLabel={m.deleting}
          isPending={change.isPending}
          onConfirm={async () => {
            await change.mutateAsync({ kind: 'delete', id: deleting.stock.id });
            setDeleting(null);
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}
