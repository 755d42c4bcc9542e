import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { FormAlert } from '@/components/form-alert';
import { useDeletePoliceForm } from '@/features/police-forms/api/delete-police-form';
import type { PoliceForm } from '@/features/police-forms/api/get-stay-police-forms';
import { PoliceFormSheet } from '@/features/police-forms/components/police-form-sheet';
import { policeFormsMessages as m } from '@/features/police-forms/messages';
import { fullName, policeFormsCsv } from '@/features/police-forms/police-form-format';
import { describeError } from '@/lib/i18n';
import '@/features/police-forms/police-forms.css';

function downloadCsv(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

interface PrintablePoliceFormsProps {
  title: string;
  /** What the forms are of (a stay, or a deleted stay's gîte and dates); not printed. */
  summary: ReactNode;
  links: ReactNode;
  csvFileName: string;
  forms: PoliceForm[];
  /** Shown when there is no form (none sent yet, or the last one deleted). */
  emptyText: string;
}

/**
 * Police forms ready to hand over: printed one a page, exported as CSV, deleted one by one
 * after a confirmation. A stay's page and a kept form whose stay is gone both use it.
 */
export function PrintablePoliceForms({
  title,
  summary,
  links,
  csvFileName,
  forms,
  emptyText,
}: PrintablePoliceFormsProps) {
  const [removing, setRemoving] = useState<PoliceForm | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const remove = useDeletePoliceForm();

  function exportCsv() {
    setExportError(null);
    try {
      downloadCsv(csvFileName, policeFormsCsv(forms));
    } catch (error) {
      setExportError(`${m.exportError} ${describeError(error)}`);
    }
  }

  return (
    <div className="page police-page police-print">
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <p className="police-stay police-no-print">{summary}</p>
      <nav className="police-links police-no-print">{links}</nav>
      <p className="police-intro police-no-print">{m.intro}</p>
      {notice ? <FormAlert tone="success">{notice}</FormAlert> : null}
      {exportError ? <FormAlert>{exportError}</FormAlert> : null}
      {forms.length === 0 ? (
        <p className="page-state">{emptyText}</p>
      ) : (
        <>
          <div className="police-actions police-no-print">
            <p>{m.total(forms.length)}</p>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => window.print()}
            >
              {m.print}
            </button>
            <button type="button" className="button button-secondary" onClick={exportCsv}>
              {m.exportCsv}
            </button>
          </div>
          {forms.map((form) => (
            <PoliceFormSheet key={form.id} form={form} onRemove={() => setRemoving(form)} />
          ))}
        </>
      )}
      {removing ? (
        <ConfirmDialog
          title={m.removeTitle}
          description={m.removeText(fullName(removing))}
          keepLabel={m.keep}
          confirmLabel={m.remove}
          pendingLabel={m.removing}
          isPending={remove.isPending}
          onConfirm={async () => {
            await remove.mutateAsync(removing.id);
            setRemoving(null);
            setNotice(m.removed);
          }}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </div>
  );
}
