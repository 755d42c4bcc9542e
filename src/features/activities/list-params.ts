import {
  type ActivityCategory,
  isActivityCategory,
} from '@/features/activities/activity-form-schema';

/** Activities per page. */
export const ACTIVITIES_PAGE_SIZE = 10;

export interface ActivityListParams {
  categorie: ActivityCategory | null;
  page: number;
}

/** `?categorie=restaurant&page=2` → the list's state; anything unknown → the defaults. Pure. */
export function parseActivityParams(search: URLSearchParams): ActivityListParams {
  const categorie = search.get('categorie');
  const page = Number(search.get('page'));
  return {
    categorie: isActivityCategory(categorie) ? categorie : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function activityParamsSearch({ categorie, page }: ActivityListParams): string {
  const search = new URLSearchParams();
  if (categorie) search.set('categorie', categorie);
  if (page > 1) search.set('page', String(page));
  const text = search.toString();
  return text ? `?${text}` : '';
}
