import type { ReactNode } from 'react';
import { LoadError } from '@/components/load-error';
import { type GiteInfo, useGiteInfo } from '@/features/gite-info/api/get-gite-info';
import { useSaveGiteInfoSection } from '@/features/gite-info/api/save-gite-info-section';
import { ContactsSection } from '@/features/gite-info/components/contacts-section';
import { EquipmentSectionForm } from '@/features/gite-info/components/equipment-section-form';
import { LeaveGuard } from '@/features/gite-info/components/leave-guard';
import { type FieldSpec, SectionForm } from '@/features/gite-info/components/section-form';
import { EQUIPMENT_SECTIONS, parseEquipmentSection } from '@/features/gite-info/equipment';
import {
  type ConsignesField,
  type CoreField,
  consignesSchema,
  consignesToDraft,
  coreSchema,
  coreToDraft,
  LANGUES,
  type WifiField,
  wifiSchema,
  wifiToDraft,
} from '@/features/gite-info/gite-info-schema';
import { giteInfoMessages as m } from '@/features/gite-info/messages';
import { validateForm } from '@/lib/form-validation';
import '@/features/gite-info/gite-info.css';
import { commonMessages } from '@/lib/i18n';

const CORE_FORM_FIELDS: ReadonlyArray<FieldSpec<CoreField>> = [
  { name: 'nom', label: m.nomLabel, wide: true },
  { name: 'adresse_complete', label: m.adresseLabel, wide: true, autoComplete: 'street-address' },
  { name: 'latitude', label: m.latitudeLabel, inputMode: 'decimal', hint: m.coordinatesHint },
  { name: 'longitude', label: m.longitudeLabel, inputMode: 'decimal' },
  { name: 'telephone_urgence', label: m.telephoneUrgenceLabel, kind: 'tel', inputMode: 'tel' },
  { name: 'email_contact', label: m.emailContactLabel, kind: 'email', inputMode: 'email' },
];

const WIFI_FORM_FIELDS: ReadonlyArray<FieldSpec<WifiField>> = [
  { name: 'ssid', label: m.ssidLabel },
  { name: 'wifi_password', label: m.passwordLabel },
  {
    name: 'securite',
    label: m.securiteLabel,
    kind: 'select',
    options: [
      { value: 'WPA', label: m.securiteWpa },
      { value: 'WEP', label: m.securiteWep },
      { value: 'nopass', label: m.securiteNone },
    ],
  },
  { name: 'debit_approximatif', label: m.debitLabel },
  { name: 'localisation_box', label: m.boxLabel, wide: true },
  { name: 'zones_reception', label: m.zonesLabel, kind: 'textarea', hint: m.zonesHint, wide: true },
];

const CONSIGNES_FORM_FIELDS: ReadonlyArray<FieldSpec<ConsignesField>> = [
  { name: 'horaire_arrivee', label: m.horaireArriveeLabel, kind: 'time' },
  { name: 'horaire_depart', label: m.horaireDepartLabel, kind: 'time' },
  { name: 'code_acces', label: m.codeAccesLabel, wide: true },
  { name: 'consignes_arrivee', label: m.arriveeLabel, kind: 'textarea', wide: true },
  { name: 'consignes_sejour', label: m.sejourLabel, kind: 'textarea', wide: true },
  { name: 'consignes_sortie', label: m.sortieLabel, kind: 'textarea', wide: true },
  { name: 'instructions_parking', label: m.parkingLabel, kind: 'textarea', wide: true },
];

function Sections({ info }: { info: GiteInfo }) {
  const giteId = info.gite.id;
  const save = useSaveGiteInfoSection(giteId);
  return (
    <>
      <SectionForm
        title={m.coreTitle}
        fields={CORE_FORM_FIELDS}
        initial={coreToDraft(info.core)}
        validate={(draft) => validateForm(coreSchema, draft)}
        toDraft={coreToDraft}
        onSave={(values) => save.mutateAsync({ kind: 'core', values })}
      />
      <SectionForm
        title={m.wifiTitle}
        fields={WIFI_FORM_FIELDS}
        initial={wifiToDraft(info.wifi)}
        validate={(draft) => validateForm(wifiSchema, draft)}
        toDraft={wifiToDraft}
        onSave={(values) => save.mutateAsync({ kind: 'wifi', values })}
      />
      {LANGUES.map((langue) => (
        <SectionForm
          key={langue}
          title={m.consignesTitle(langue)}
          fields={CONSIGNES_FORM_FIELDS}
          initial={consignesToDraft(info.consignes[langue])}
          validate={(draft) => validateForm(consignesSchema, draft)}
          toDraft={consignesToDraft}
          onSave={(values) => save.mutateAsync({ kind: 'consignes', langue, values })}
        />
      ))}
      <section className="info-group" aria-labelledby="infos-equipment-title">
        <h2 id="infos-equipment-title">{m.equipmentTitle}</h2>
        {EQUIPMENT_SECTIONS.map((section) => (
          <EquipmentSectionForm
            key={section}
            title={m.equipmentSections[section]}
            initial={parseEquipmentSection(info.equipements?.[section])}
            onSave={(items) => save.mutateAsync({ kind: 'equipment', section, items })}
          />
        ))}
      </section>
      <ContactsSection giteId={giteId} contacts={info.contacts} />
    </>
  );
}

/**
 * /gites/:giteId/infos: what the guests of a gîte will read, in sections saved one by one.
 * The forms start from the data read when the page opened and keep what the owner types:
 * a refetch never overwrites a section being edited.
 */
export function GiteInfoPage({ giteId }: { giteId: string }) {
  const info = useGiteInfo(giteId);

  let content: ReactNode;
  if (info.isPending && info.fetchStatus === 'paused') {
    content = <p className="page-state">{m.offline}</p>;
  } else if (info.isPending) {
    content = (
      <p className="page-state" aria-busy="true">
        {commonMessages.loading}
      </p>
    );
  } else if (info.isError) {
    content = <LoadError message={m.loadError} error={info.error} onRetry={() => info.refetch()} />;
  } else if (info.data === null) {
    content = <p className="page-state">{m.giteNotFound}</p>;
  } else {
    // Keyed by gîte: another gîte's page starts from its own data.
    content = <Sections key={info.data.gite.id} info={info.data} />;
  }

  return (
    <div className="page info-page">
      <div className="page-header">
        <h1>{info.data ? m.heading(info.data.gite.nom) : m.pageTitle}</h1>
      </div>
      <p className="field-hint">{m.intro}</p>
      {content}
      <LeaveGuard />
    </div>
  );
}
