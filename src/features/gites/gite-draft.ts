import type { GiteWithFeeds } from '@/features/gites/api/get-gites';
import type { GiteDraft } from '@/features/gites/gite-form-schema';

/** The form's starting values for an existing gîte. */
export function giteToDraft(gite: GiteWithFeeds): GiteDraft {
  return {
    nom: gite.nom,
    adresse: gite.adresse ?? '',
    code_postal: gite.code_postal ?? '',
    ville: gite.ville ?? '',
    capacite: gite.capacite === null ? '' : String(gite.capacite),
    couleur: gite.couleur ?? '#1f7a5c',
    feeds: gite.ical_feeds.map((feed) => ({ id: feed.id, platform: feed.platform, url: feed.url })),
  };
}
