/** Every guest-sheets query key starts with `guestSheetKeys.all` (mutations refetch them all). */
export const guestSheetKeys = {
  all: ['guest-sheets'] as const,
  lists: () => [...guestSheetKeys.all, 'list'] as const,
  page: (page: number) => [...guestSheetKeys.lists(), { page }] as const,
  stay: (reservationId: string) => [...guestSheetKeys.all, 'stay', reservationId] as const,
};
