import type { FeedFormValues } from '@/features/gites/gite-form-schema';
import { ApiError } from '@/lib/api-error';
import { supabase } from '@/lib/supabase';

/**
 * Adds feeds to one gîte in one statement (all or none). Their ids are made in the
 * browser, and a feed whose id already exists is skipped (`on conflict (id) do
 * nothing`), so repeating a save after a failure never adds a feed twice.
 */
export async function insertFeeds(giteId: string, feeds: readonly FeedFormValues[]): Promise<void> {
  if (feeds.length === 0) return;
  const { error, status } = await supabase.from('ical_feeds').upsert(
    feeds.map((feed) => ({ id: feed.id, gite_id: giteId, platform: feed.platform, url: feed.url })),
    { onConflict: 'id', ignoreDuplicates: true },
  );
  if (error) throw new ApiError(error, status);
}
