import { queryOptions, useQuery } from '@tanstack/react-query';
import { policeFormKeys } from '@/features/police-forms/api/police-form-keys';
import { ApiError } from '@/lib/api-error';
import type { Tables } from '@/lib/database.types';
import { type SupabaseClient, supabase } from '@/lib/supabase';

export type PoliceFormStay = Pick<
  Tables<'reservations'>,
  'id' | 'client_nom' | 'date_debut' | 'date_fin' | 'status'
> & { gite: Pick<Tables<'gites'>, 'nom'> };

/** A stored form as the owner reads it (the guest's submission id is of no use here). */
export type PoliceForm = Omit<Tables<'police_forms'>, 'submission_id' | 'owner_user_id'>;

export const POLICE_FORM_COLUMNS =
  'id, reservation_id, gite_nom, nom, prenoms, date_naissance, lieu_naissance, nationalite, adresse, code_postal, ville, pays, telephone, email, date_arrivee, date_depart, enfants_moins_15, langue, created_at';

/** The most a stay holds (submit_police_form's cap). */
const MAX_FORMS_PER_STAY = 40;

export interface StayPoliceForms {
  /** Null when the stay does not exist (or is not the owner's). */
  stay: PoliceFormStay | null;
  /** The stay's forms, in the order the guests sent them. */
  forms: PoliceForm[];
}

export async function getStayPoliceForms(
  client: SupabaseClient,
  reservationId: string,
): Promise<StayPoliceForms> {
  const [stay, forms] = await Promise.all([
    client
      .from('reservations')
      .select('id, client_nom, date_debut, date_fin, status, gite:gites!inner(nom)')
      .eq('id', reservationId)
      .maybeSingle(),
    client
      .from('police_forms')
      .select(POLICE_FORM_COLUMNS)
      .eq('reservation_id', reservationId)
      .order('created_at')
      .order('id')
      .range(0, MAX_FORMS_PER_STAY - 1),
  ]);
  if (stay.error) throw new ApiError(stay.error, stay.status);
  if (forms.error) throw new ApiError(forms.error, forms.status);
  const found: PoliceFormStay | null = stay.data;
  const rows: PoliceForm[] = forms.data;
  return { stay: found, forms: rows };
}

export const stayPoliceFormsQueries = {
  stay: (reservationId: string) =>
    queryOptions({
      queryKey: policeFormKeys.stay(reservationId),
      queryFn: () => getStayPoliceForms(supabase, reservationId),
    }),
};

export function useStayPoliceForms(reservationId: string) {
  return useQuery(stayPoliceFormsQueries.stay(reservationId));
}
