import { useState } from 'react';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { useDeleteContact } from '@/features/gite-info/api/delete-contact';
import { useSaveContact } from '@/features/gite-info/api/save-contact';
import { type FieldSpec, SectionForm } from '@/features/gite-info/components/section-form';
import type { ContactRow } from '@/features/gite-info/gite-info-schema';
import {
  CONTACT_TYPES,
  type ContactField,
  contactSchema,
  contactToDraft,
  contactTypeLabel,
} from '@/features/gite-info/gite-info-schema';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import { validateForm } from '@/lib/form-validation';
import { useWriteAccess } from '@/lib/pwa/write-access';

const CONTACT_FORM_FIELDS: ReadonlyArray<FieldSpec<ContactField>> = [
  {
    name: 'type',
    label: m.contactTypeLabel,
    kind: 'select',
    options: CONTACT_TYPES.map((type) => ({ value: type, label: contactTypeLabel(type) })),
  },
  { name: 'nom', label: m.contactNomLabel },
  { name: 'telephone', label: m.contactTelephoneLabel, kind: 'tel', inputMode: 'tel' },
  { name: 'adresse', label: m.contactAdresseLabel },
  { name: 'disponibilite', label: m.contactDisponibiliteLabel, wide: true },
];

/** A contact on screen: a stored one, or a new one not saved yet (its id made here). */
interface ContactEntry {
  id: string;
  ordre: number;
  row: ContactRow | null;
}

/**
 * « Contacts utiles »: each contact is its own small form (saved or deleted on its own);
 * « Ajouter un contact » opens a blank one.
 */
export function ContactsSection({
  giteId,
  contacts,
}: {
  giteId: string;
  contacts: readonly ContactRow[];
}) {
  const saveContact = useSaveContact(giteId);
  const deleteContact = useDeleteContact(giteId);
  const write = useWriteAccess();
  const [added, setAdded] = useState<ContactEntry[]>([]);
  const [deleting, setDeleting] = useState<ContactRow | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const storedIds = new Set(contacts.map((c) => c.id));
  const entries: ContactEntry[] = [
    ...contacts.map((row) => ({ id: row.id, ordre: row.ordre, row })),
    // A new contact stays in the same form after its first save (same key, no remount).
    ...added.filter((entry) => !storedIds.has(entry.id)),
  ];
  const nextOrdre = entries.reduce((max, entry) => Math.max(max, entry.ordre), 0) + 1;

  return (
    <section className="info-group" aria-labelledby="infos-contacts-title">
      <h2 id="infos-contacts-title">{m.contactsTitle}</h2>
      <p className="notice" role="status">
        {notice}
      </p>
      {entries.length === 0 ? <p className="field-hint">{m.contactsEmpty}</p> : null}
      {entries.map((entry) => (
        <SectionForm
          key={entry.id}
          title={entry.row ? m.contactTitle(entry.row.nom) : m.contactNew}
          fields={CONTACT_FORM_FIELDS}
          initial={contactToDraft(entry.row)}
          validate={(draft) => validateForm(contactSchema, draft)}
          toDraft={contactToDraft}
          savedMessage={(values) => m.contactSaved(values.nom)}
          onSave={async (values) => {
            setNotice(null);
            await saveContact.mutateAsync({ id: entry.id, ordre: entry.ordre, values });
          }}
          extraActions={
            entry.row ? (
              <button
                type="button"
                className="button button-danger-quiet"
                disabled={write.blocked}
                {...write.reasonProps}
                onClick={() => setDeleting(entry.row)}
              >
                {m.contactDelete}
                <span className="visually-hidden"> « {entry.row.nom} »</span>
              </button>
            ) : (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setAdded(added.filter((other) => other.id !== entry.id))}
              >
                {m.contactCancel}
              </button>
            )
          }
        />
      ))}
      <div>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setNotice(null);
            setAdded([...added, { id: crypto.randomUUID(), ordre: nextOrdre, row: null }]);
          }}
        >
          + {m.contactAdd}
        </button>
      </div>
      {deleting ? (
        <ConfirmDialog
          title={m.contactDeleteTitle(deleting.nom)}
          description={m.contactDeleteText}
          keepLabel={m.contactDeleteKeep}
          confirmLabel={m.contactDelete}
          pendingLabel={m.contactDeleting}
          isPending={deleteContact.isPending}
          onConfirm={async () => {
            await deleteContact.mutateAsync(deleting.id);
            // A contact added on this page must not come back as a blank form.
            setAdded((entries) => entries.filter((entry) => entry.id !== deleting.id));
            setNotice(m.contactDeleted(deleting.nom));
            setDeleting(null);
          }}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}
