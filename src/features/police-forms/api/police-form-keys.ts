/** Every police-forms query key starts with `policeFormKeys.all` (a deletion refetches them all). */
export const policeFormKeys = {
  all: ['police-forms'] as const,
  lists: () => [...policeFormKeys.all, 'list'] as const,
  page: (page: number) => [...policeFormKeys.lists(), { page }] as const,
  stay: (reservationId: string) => [...policeFormKeys.all, 'stay', reservationId] as const,
  form: (id: string) => [...policeFormKeys.all, 'form', id] as const,
};
